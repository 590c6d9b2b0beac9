// The gemeente each dissolved gemeente went into by a herindeling (none for any other).
// params: {"ids": ["GM0014"]}
UNWIND $ids AS sleutel
MATCH (:OpgehevenGemeente {id: sleutel})-[:OPGEGAAN_IN]->(n:Organisatie)
RETURN sleutel, n {.*, label: [l IN labels(n) WHERE l <> 'Organisatie'][0]} AS item
