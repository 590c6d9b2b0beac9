// The gemeenten that went into each gemeente by a herindeling, by name.
// params: {"ids": ["GM0014"]}
UNWIND $ids AS sleutel
MATCH (v:OpgehevenGemeente)-[:OPGEGAAN_IN]->(:Organisatie {id: sleutel})
RETURN sleutel, v {.*, label: 'OpgehevenGemeente'} AS item
ORDER BY sleutel, v.naam
