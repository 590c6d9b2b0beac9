// The modules of each product.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:ONDERDEEL_VAN]-(m:Applicatie)
RETURN sleutel, m {.*} AS item
ORDER BY sleutel, m.naam, m.id
