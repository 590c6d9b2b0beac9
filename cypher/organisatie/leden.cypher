// The members of samenwerkingen and communities.
// params: {"ids": ["sam-01", "com-01"]}
UNWIND $ids AS sleutel
MATCH (s:Organisatie {id: sleutel})<-[d:DEELNEMER_VAN]-(o:Organisatie)
RETURN sleutel, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0], sinds: d.sinds} AS item
ORDER BY sleutel, o.naam
