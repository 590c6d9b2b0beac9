// Upsert gemeenten by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:Organisatie:Gemeente {id: row.id})
SET n = row
