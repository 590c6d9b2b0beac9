// Upsert diensten with the leverancier that delivers them.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (l:Leverancier {id: row.leverancier})
MERGE (d:Dienst {id: row.eigenschappen.id})
SET d = row.eigenschappen
MERGE (l)-[:LEVERT]->(d)
