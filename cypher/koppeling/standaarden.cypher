// Recompute, for these koppelingen, whether GEMMA names a required (VERPLICHT) standard for a
// component at either end or for the national facility it ends at, and whether the koppeling
// follows one (a version of it). Kept on the koppeling because counting this over all
// landscapes at read time takes seconds; every write of a koppeling, its standards or its
// ends' components runs this for the koppelingen concerned. Each comprehension has its own
// variables: FalkorDB lets them leak into each other.
// zicht: maintenance run by writers (the seeder), never read in a request.
// params: {"rows": [{"id": "kop-GM0363-0001"}]}
UNWIND $rows AS row
MATCH (u:Gebruik)<-[:VAN]-(k:Koppeling {id: row.id})-[:NAAR]->(n)
WITH k,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
     [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
SET k.heeftVereisteStandaard = size(vereist) > 0,
    k.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist)
RETURN count(k) AS bijgewerkt
