// The applications an import's rows are matched against, by id or by name and leverancier:
// every one the asker sees in the catalogue (a concept only where it sees the concept), with
// its leveranciers and versions.
// params: {}
MATCH (a:Applicatie)
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
RETURN a.id AS id, a.naam AS naam, coalesce(a.status, 'ACTIEF') AS status,
       [(l)-[:BIEDT_AAN]->(a) | l.id] AS leveranciers,
       [(m)-[:BIEDT_AAN]->(a) | m.naam] AS leveranciersnamen,
       [(a)-[:HEEFT_VERSIE]->(v) | {id: v.id, versie: v.versie}] AS versies
