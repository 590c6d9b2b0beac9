// Membership of a samenwerking or community.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:Organisatie {id: row.van})
MATCH (naar:Organisatie {id: row.naar})
MERGE (van)-[r:DEELNEMER_VAN]->(naar)
SET r.sinds = row.sinds
