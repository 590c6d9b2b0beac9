// What each application service serves (ArchiMate Serving): business functions and more.
// params: {"ids": ["11c730e3-2194-4916-a60b-bda1075446bf"]}
UNWIND $ids AS sleutel
MATCH (e:Applicatieservice {id: sleutel})-[:BEDIENT]->(n:GemmaElement)
RETURN sleutel, n {.*, label: [l IN labels(n) WHERE l <> 'GemmaElement'][0]} AS item
ORDER BY sleutel, n.naam, n.id
