// The application each version belongs to.
// params: {"ids": ["app-00001-v1"]}
UNWIND $ids AS sleutel
MATCH (v:Versie {id: sleutel})<-[:HEEFT_VERSIE]-(a:Applicatie)
RETURN sleutel, a {.*} AS item
