// GEMMA's own STROOMT_NAAR relations between GEMMA elements, keyed by their ArchiMate identifier.
// params: {"rows": []}
UNWIND $rows AS row
MATCH (van:GemmaElement {id: row.van})
MATCH (naar:GemmaElement {id: row.naar})
MERGE (van)-[r:STROOMT_NAAR {id: row.id}]->(naar)
