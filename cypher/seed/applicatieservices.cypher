// Upsert GEMMA application services by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:Applicatieservice {id: row.id})
SET n = row
