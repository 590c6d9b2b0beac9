// Neighbouring gemeenten, stored once per pair (lower CBS code first); read undirected.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gemeente {id: row.van})
MATCH (naar:Gemeente {id: row.naar})
MERGE (van)-[r:GRENST_AAN]->(naar)
