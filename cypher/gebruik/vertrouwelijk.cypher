// The confidential part of each Gebruik (contract end, internal notes), for those who may see
// its organisation's whole landscape.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: sleutel})
WITH sleutel, o, g
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
RETURN sleutel, {contractEinde: g.contractEinde, notities: g.notities} AS item
