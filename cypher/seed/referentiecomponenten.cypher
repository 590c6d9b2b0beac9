// Upsert GEMMA reference components by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:Referentiecomponent {id: row.id})
SET n = row
