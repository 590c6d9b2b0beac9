// GEMMA's own SPECIALISATIE_VAN relations between GEMMA elements, keyed by their ArchiMate identifier.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:GemmaElement {id: row.van})
MATCH (naar:GemmaElement {id: row.naar})
MERGE (van)-[r:SPECIALISATIE_VAN {id: row.id}]->(naar)
