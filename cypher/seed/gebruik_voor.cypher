// The GEMMA components a Gebruik is used for.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:Referentiecomponent {id: row.naar})
MERGE (van)-[r:VOOR]->(naar)
