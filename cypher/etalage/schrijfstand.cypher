// An etalage item as a change of it will find it, with its application and the leveranciers
// offering that; no row when there is none or the asker does not see its application.
// params: {"id": "eti-onbekend"}
MATCH (e:EtalageItem {id: $id})-[:TOONT]->(a:Applicatie)
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
RETURN e {.*} AS item, a.id AS applicatie, [(l)-[:BIEDT_AAN]->(a) | l.id] AS leveranciers
