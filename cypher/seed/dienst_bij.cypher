// The applications a dienst is offered on.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Dienst {id: row.van})
MATCH (naar:Applicatie {id: row.naar})
MERGE (van)-[r:BIJ]->(naar)
