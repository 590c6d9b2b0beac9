// The application each Gebruik is of.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})-[:VAN]->(a:Applicatie)
RETURN sleutel, a {.*} AS item
