// Usage a samenwerking registered on behalf of a member gemeente.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Samenwerking {id: row.van})
MATCH (naar:Gebruik {id: row.naar})
MERGE (van)-[r:REGISTREERT]->(naar)
