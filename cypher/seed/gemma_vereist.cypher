// The standards GEMMA names for a component, facility or service, with their role.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:GemmaElement {id: row.van})
MATCH (naar:Standaard {id: row.naar})
MERGE (van)-[r:VEREIST {id: row.id}]->(naar)
SET r.rol = row.rol
