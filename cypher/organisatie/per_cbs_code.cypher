// Gemeenten by CBS code.
// params: {"ids": ["GM0363"]}
UNWIND $ids AS sleutel
MATCH (o:Gemeente {cbsCode: sleutel})
RETURN sleutel, o {.*, soort: 'Gemeente'} AS item
