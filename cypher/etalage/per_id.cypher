// Etalage items by id, where the asker sees their application (a concept's only for who sees
// the concept), with whether that is a concept: its files are then not for shared caches.
// params: {"ids": ["eti-onbekend"]}
UNWIND $ids AS sleutel
MATCH (e:EtalageItem {id: sleutel})-[:TOONT]->(a:Applicatie)
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
RETURN sleutel, e {.*, applicatie: a.id, concept: a.gemeldDoor IS NOT NULL} AS item
