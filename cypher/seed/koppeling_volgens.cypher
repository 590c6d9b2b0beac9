// The standard versions a koppeling uses.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Koppeling {id: row.van})
MATCH (naar:Standaardversie {id: row.naar})
MERGE (van)-[r:VOLGENS]->(naar)
