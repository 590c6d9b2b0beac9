// Upsert leveranciers by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:Organisatie:Leverancier {id: row.id})
SET n = row
