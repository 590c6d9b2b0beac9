// The diensten each Gebruik takes.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})-[:NEEMT_AF]->(d:Dienst)
RETURN sleutel, d {.*} AS item
ORDER BY sleutel, d.naam, d.id
