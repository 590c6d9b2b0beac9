// Diensten a gemeente takes with its usage.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:Dienst {id: row.naar})
MERGE (van)-[r:NEEMT_AF]->(naar)
