// The GEMMA elements each element's information flows to (ArchiMate Flow).
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {id: sleutel})-[:STROOMT_NAAR]->(n:GemmaElement)
RETURN sleutel, n {.*, label: [l IN labels(n) WHERE l <> 'GemmaElement'][0]} AS item
ORDER BY sleutel, n.naam, n.id
