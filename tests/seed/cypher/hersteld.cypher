// What test setup damaged (verstoor): the Gebruik's status, the koppeling's type, its VAN edge
// and the KOPPELT edge that mirrors it (for a koppeling whose data flows from VAN to NAAR).
// params: {"gebruik": "geb-GM0014-0001", "koppeling": "kop-GM0014-0001", "van": "geb-GM0014-0002"}
MATCH (g:Gebruik {id: $gebruik})
MATCH (k:Koppeling {id: $koppeling})
MATCH (van:Gebruik {id: $van})
RETURN g.status AS status, k.type AS type,
       size([(k)-[:VAN]->(x:Gebruik) WHERE x.id = $van | 1]) AS van,
       size([(van)-[r:KOPPELT]->() WHERE r.koppelingId = $koppeling | 1]) AS koppelt
