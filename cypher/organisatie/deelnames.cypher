// The samenwerkingen and communities organisations take part in.
// params: {"ids": ["GM0363"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[d:DEELNEMER_VAN]->(s:Organisatie)
RETURN sleutel, s {.*, label: [l IN labels(s) WHERE l <> 'Organisatie'][0], sinds: d.sinds} AS item
ORDER BY sleutel, s.naam
