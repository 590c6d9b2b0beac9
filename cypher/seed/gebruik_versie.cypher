// The version a gemeente runs.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:Versie {id: row.naar})
MERGE (van)-[r:VERSIE]->(naar)
