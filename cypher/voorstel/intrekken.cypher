// Withdraws a Gebruiksvoorstel and records the change, in one statement. It matches only an
// open proposal of an application the asker may propose ($zicht.producten, $zicht.beheer), at
// the versie the asker expects; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.producten is what an aanbod-beheerder may propose.
// params: {"voorstel": "onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "INGETROKKEN"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (v:Gebruiksvoorstel {id: $voorstel})-[:BETREFT]->(a:Applicatie)
WHERE $zicht.beheer OR a.id IN $zicht.producten
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Gebruiksvoorstel
WITH v, a
WHERE v.versie = $verwachteVersie AND v.status = 'VOORGESTELD'
SET v += $eigenschappen
SET v.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.versie AS versie
