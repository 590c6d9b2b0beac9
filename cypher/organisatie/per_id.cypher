// Organisations by id, each with the label that says what kind it is.
// params: {"ids": ["GM0363", "vng-realisatie"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})
RETURN sleutel, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
