// Upsert GEMMA standards by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:Standaard {id: row.id})
SET n = row
