// The application each Gebruik is of.
// zicht: the Gebruik were found through a query that applies it.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})-[:VAN]->(a:Applicatie)
RETURN sleutel, a {.*} AS item
