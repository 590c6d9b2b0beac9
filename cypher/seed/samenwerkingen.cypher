// Upsert samenwerkingen by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:Organisatie:Samenwerking {id: row.id})
SET n = row
