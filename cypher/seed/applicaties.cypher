// Upsert applications with the leverancier that offers them.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (l:Leverancier {id: row.leverancier})
MERGE (a:Applicatie {id: row.eigenschappen.id})
SET a = row.eigenschappen
MERGE (l)-[:BIEDT_AAN]->(a)
