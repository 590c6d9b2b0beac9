// Gemeenten by CBS code.
// params: {"ids": ["GM0363"]}
UNWIND $ids AS sleutel
MATCH (o:Gemeente {cbsCode: sleutel})
RETURN sleutel, o {.*, label: 'Gemeente'} AS item
