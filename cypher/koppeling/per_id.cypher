// Koppelingen by id.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling {id: sleutel})
WITH sleutel, o, k
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
RETURN sleutel, k {.*} AS item
