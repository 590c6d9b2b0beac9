// The application services each component or facility realises.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {id: sleutel})-[:REALISEERT]->(s:Applicatieservice)
RETURN sleutel, s {.*, label: 'Applicatieservice'} AS item
ORDER BY sleutel, s.naam, s.id
