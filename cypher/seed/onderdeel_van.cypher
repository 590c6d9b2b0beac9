// A module is part of its product.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Applicatie {id: row.van})
MATCH (naar:Applicatie {id: row.naar})
MERGE (van)-[r:ONDERDEEL_VAN]->(naar)
