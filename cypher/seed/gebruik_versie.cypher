// The version a gemeente runs.
UNWIND $rows AS row
MATCH (van:Gebruik {id: row.van})
MATCH (naar:Versie {id: row.naar})
MERGE (van)-[r:VERSIE]->(naar)
