// Upsert the catalogue's keepers by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:Organisatie:Beheerorganisatie {id: row.id})
SET n = row
