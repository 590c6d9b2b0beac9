// Koppelingen for which GEMMA requires a standard, per reference component of their VAN end:
// whether they follow one (the flags the seeder computes, koppeling/standaarden).
// params: {}
MATCH (k:Koppeling)-[:VAN]->(u:Gebruik)-[:VOOR]->(c:Referentiecomponent)
WHERE k.heeftVereisteStandaard
MATCH (g:Gemeente)-[:GEBRUIKT]->(u)
RETURN c.id AS component, g.id AS gemeente, k.id AS koppeling, k.volgtVereisteStandaard AS volgt
ORDER BY koppeling, component
