// Applications by id.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})
RETURN sleutel, a {.*} AS item
