// Applications by id; a concept only for its reporting organisation and functioneel beheer.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN sleutel, a {.*} AS item
