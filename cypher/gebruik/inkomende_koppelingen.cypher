// The koppelingen whose NAAR end is each Gebruik, for those who may see its
// organisation's whole landscape.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: sleutel})<-[:NAAR]-(k:Koppeling)
WITH sleutel, o, k
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
RETURN sleutel, k {.*} AS item
ORDER BY sleutel, k.id
