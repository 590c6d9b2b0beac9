// Upsert gemeenten by id; $rows holds their complete property maps.
UNWIND $rows AS row
MERGE (n:Organisatie:Gemeente {id: row.id})
SET n = row
