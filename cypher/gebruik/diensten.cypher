// The diensten each Gebruik takes: part of its organisation's landscape, seen only by
// those who may see that whole landscape.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: sleutel})-[:NEEMT_AF]->(d:Dienst)
WITH sleutel, o, d
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
RETURN sleutel, d {.*} AS item
ORDER BY sleutel, d.naam, d.id
