// Upsert versions with the application they belong to.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (a:Applicatie {id: row.applicatie})
MERGE (v:Versie {id: row.eigenschappen.id})
SET v = row.eigenschappen
MERGE (a)-[:HEEFT_VERSIE]->(v)
