// Each standard version belongs to its standard.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Standaardversie {id: row.van})
MATCH (naar:Standaard {id: row.naar})
MERGE (van)-[:VERSIE_VAN]->(naar)
