// Upsert national facilities (buitengemeentelijke voorzieningen) by id; $rows holds their complete property maps.
// params: {"rows": []}
UNWIND $rows AS row
MERGE (n:GemmaElement:BuitengemeentelijkeVoorziening {id: row.id})
SET n = row
