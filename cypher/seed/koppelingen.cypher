// Upsert koppelingen between two Gebruik of one landscape, with the direct KOPPELT edge
// that dependency traversals follow.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:Gebruik {id: row.naar})
MERGE (k:Koppeling {id: row.eigenschappen.id})
SET k = row.eigenschappen
MERGE (k)-[:VAN]->(van)
MERGE (k)-[:NAAR]->(naar)
MERGE (van)-[:KOPPELT {koppelingId: row.eigenschappen.id}]->(naar)
