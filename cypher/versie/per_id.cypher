// Versions by id; a concept's only for who sees the concept (docs/access.md, "Concepts").
// params: {"ids": ["app-00001-v1"]}
UNWIND $ids AS sleutel
MATCH (v:Versie {id: sleutel})<-[:HEEFT_VERSIE]-(a:Applicatie)
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN sleutel, v {.*} AS item
