// The GEMMA reference components each application realises.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})-[:REALISEERT]->(c:Referentiecomponent)
RETURN sleutel, c {.*, label: 'Referentiecomponent'} AS item
ORDER BY sleutel, c.naam
