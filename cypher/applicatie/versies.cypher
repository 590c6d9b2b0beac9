// The versions of each application, oldest release first.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})-[:HEEFT_VERSIE]->(v:Versie)
RETURN sleutel, v {.*} AS item
ORDER BY sleutel, coalesce(v.releaseDatum, '9999'), v.id
