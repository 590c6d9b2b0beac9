// Upsert GEMMA business functions by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:Bedrijfsfunctie {id: row.id})
SET n = row
