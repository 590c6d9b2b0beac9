// Approves or rejects a review waiting for moderation, and records it (a Wijziging), in one
// statement: $eigenschappen (status, goedgekeurdOp or reden), versie one up. Functioneel beheer
// only ($zicht.beheer), at the versie expected, a review still INGEDIEND; otherwise no row.
// params: {"id": "bdl-onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "GOEDGEKEURD"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (b:Beoordeling {id: $id})
WHERE $zicht.beheer
SET b:Beoordeling
WITH b
WHERE b.versie = $verwachteVersie AND b.status = 'INGEDIEND'
SET b += $eigenschappen
SET b.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN b.id AS id, b.versie AS versie
