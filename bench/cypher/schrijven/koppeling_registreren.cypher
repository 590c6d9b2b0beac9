// The least a registration of a koppeling between two Gebruik writes: the koppeling with the
// properties the API makes and its VAN and NAAR, the KOPPELT one way (the bench registers
// koppelingen HEEN, without standard versions), the standard flags from the components at
// both ends (what seeding derives; without versions followed, none is followed), and the
// change record. It leaves out who may write and whether both ends are of one landscape.
// params: {"van": "geb-onbekend", "naar": "geb-onbekend", "eigenschappen": {"id": "kop-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (u:Gebruik {id: $van})
MATCH (n:Gebruik {id: $naar})
WITH u, n,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] AS vereist
CREATE (u)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
SET k = $eigenschappen
SET k.heeftVereisteStandaard = size(vereist) > 0, k.volgtVereisteStandaard = false
CREATE (u)-[:KOPPELT {koppelingId: $eigenschappen.id}]->(n)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN k.id AS id
