// Applications by id; a concept only for its reporting organisation and functioneel beheer. The
// id of an application merged into another (a SamengevoegdeApplicatie) answers with the one kept.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
OPTIONAL MATCH (m:SamengevoegdeApplicatie {id: sleutel})
WITH sleutel, coalesce(m.samengevoegdMet, sleutel) AS id
MATCH (a:Applicatie {id: id})
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN sleutel, a {.*} AS item
