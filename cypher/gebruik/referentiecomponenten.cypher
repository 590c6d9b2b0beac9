// The GEMMA components each Gebruik is used for.
// zicht: the Gebruik were found through a query that applies it.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})-[:VOOR]->(c:Referentiecomponent)
RETURN sleutel, c {.*, label: 'Referentiecomponent'} AS item
ORDER BY sleutel, c.naam
