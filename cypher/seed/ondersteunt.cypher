// Standard versions a version complies with, with the evidence url where given.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Versie {id: row.van})
MATCH (naar:Standaardversie {id: row.naar})
MERGE (van)-[r:ONDERSTEUNT]->(naar)
SET r.bewijs = row.bewijs
