// Retires a dienst and records it (a Wijziging), in one statement: status INGETROKKEN and the
// date, versie one up; the Gebruik that take it keep it (NEEMT_AF stays). It matches only a
// dienst on offer of a leverancier whose aanbod the asker may keep ($zicht.aanbod, or
// $zicht.beheer), at the versie expected; otherwise no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"dienst": "onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "INGETROKKEN"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst {id: $dienst})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
// Lock d before reading its versie (see gebruik/wijzigen).
SET d:Dienst
WITH d
WHERE coalesce(d.versie, 1) = $verwachteVersie AND coalesce(d.status, 'AANGEBODEN') = 'AANGEBODEN'
SET d += $eigenschappen
SET d.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id, d.versie AS versie
