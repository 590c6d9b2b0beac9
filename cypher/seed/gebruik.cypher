// Upsert Gebruik with its organisation and application.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (o:Organisatie {id: row.organisatie})
MATCH (a:Applicatie {id: row.applicatie})
MERGE (g:Gebruik {id: row.eigenschappen.id})
SET g = row.eigenschappen
MERGE (o)-[:GEBRUIKT]->(g)
MERGE (g)-[:VAN]->(a)
