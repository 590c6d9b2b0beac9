// Upsert GEMMA standard versions by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:Standaardversie {id: row.id})
SET n = row
