// The GEMMA components an application realises.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Applicatie {id: row.van})
MATCH (naar:Referentiecomponent {id: row.naar})
MERGE (van)-[r:REALISEERT]->(naar)
