// The leverancier's one answer to an approved review of its application or dienst, recorded
// (a Wijziging) in the same statement, versie one up. It matches only a review whose object's
// leverancier (BIEDT_AAN, LEVERT) the asker keeps the aanbod of ($zicht.aanbod, or
// $zicht.beheer), at the versie expected, GOEDGEKEURD and not answered yet; otherwise no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"id": "bdl-onbekend", "verwachteVersie": 1, "eigenschappen": {"antwoord": "x"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (b:Beoordeling {id: $id})-[:OVER]->(x)<-[:BIEDT_AAN|LEVERT]-(l:Leverancier)
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
SET b:Beoordeling
WITH b
WHERE b.versie = $verwachteVersie AND b.status = 'GOEDGEKEURD' AND b.antwoord IS NULL
SET b += $eigenschappen
SET b.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN b.id AS id, b.versie AS versie
