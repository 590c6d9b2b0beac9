// The product each module is part of.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})-[:ONDERDEEL_VAN]->(p:Applicatie)
RETURN sleutel, p {.*} AS item
