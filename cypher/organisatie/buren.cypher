// The neighbours of gemeenten (GRENST_AAN is stored once per pair: read both ways).
// params: {"ids": ["GM0363"]}
UNWIND $ids AS sleutel
MATCH (g:Gemeente {id: sleutel})-[:GRENST_AAN]-(b:Gemeente)
RETURN sleutel, b {.*, label: 'Gemeente'} AS item
ORDER BY sleutel, b.naam
