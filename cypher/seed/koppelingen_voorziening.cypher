// Upsert koppelingen from a Gebruik to a national facility, with the direct KOPPELT edges
// in the direction the data flows.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:BuitengemeentelijkeVoorziening {id: row.naar})
MERGE (k:Koppeling {id: row.eigenschappen.id})
SET k = row.eigenschappen
MERGE (k)-[:VAN]->(van)
MERGE (k)-[:NAAR]->(naar)
// KOPPELT points the way the data flows (richting): from VAN to NAAR, back, or both ways.
FOREACH (_ IN CASE WHEN row.eigenschappen.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
  MERGE (van)-[:KOPPELT {koppelingId: row.eigenschappen.id}]->(naar))
FOREACH (_ IN CASE WHEN row.eigenschappen.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
  MERGE (naar)-[:KOPPELT {koppelingId: row.eigenschappen.id}]->(van))
