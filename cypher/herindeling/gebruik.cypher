// The landscapes of the gemeenten a herindeling joins ($ids), for functioneel beheer only: a
// row per Gebruik with its organisation, application, version, components, diensten and the
// samenwerkingen that registered it.
// params: {"ids": ["GM0014"]}
MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE $zicht.beheer AND o.id IN $ids
RETURN o.id AS organisatie, o.naam AS organisatieNaam, a.id AS applicatie, a.naam AS applicatieNaam,
       g {.*} AS gebruik,
       [(g)-[:VERSIE]->(v1:Versie) | v1.id] AS versies,
       [(g)-[:VOOR]->(c2) | c2.id] AS voor,
       [(g)-[:NEEMT_AF]->(s3) | s3.id] AS diensten,
       [(w4)-[:REGISTREERT]->(g) | w4.id] AS registraties
ORDER BY organisatie, g.id
