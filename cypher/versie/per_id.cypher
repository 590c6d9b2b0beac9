// Versions by id.
// params: {"ids": ["app-00001-v1"]}
UNWIND $ids AS sleutel
MATCH (v:Versie {id: sleutel})
RETURN sleutel, v {.*} AS item
