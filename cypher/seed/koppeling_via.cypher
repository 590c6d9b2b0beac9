// The intermediary (for example the servicebus) a koppeling runs through.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Koppeling {id: row.van})
MATCH (naar:Gebruik {id: row.naar})
MERGE (van)-[r:VIA]->(naar)
