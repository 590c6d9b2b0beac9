// Upsert koppelingen from a Gebruik to a national facility, with the direct KOPPELT edge.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:BuitengemeentelijkeVoorziening {id: row.naar})
MERGE (k:Koppeling {id: row.eigenschappen.id})
SET k = row.eigenschappen
MERGE (k)-[:VAN]->(van)
MERGE (k)-[:NAAR]->(naar)
MERGE (van)-[:KOPPELT {koppelingId: row.eigenschappen.id}]->(naar)
