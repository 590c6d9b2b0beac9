// The samenwerkingen and communities the gemeenten a herindeling joins ($ids) take part in,
// and their neighbours, for functioneel beheer only: a row per membership or neighbour.
// params: {"ids": ["GM0014"]}
MATCH (o:Gemeente)-[d:DEELNEMER_VAN]->(s:Organisatie)
WHERE $zicht.beheer AND o.id IN $ids
RETURN o.id AS organisatie, 'DEELNAME' AS soort, s.id AS ander, s.naam AS naam,
       [l IN labels(s) WHERE l <> 'Organisatie'][0] AS label, d.sinds AS sinds
UNION ALL
MATCH (o:Gemeente)-[:GRENST_AAN]-(b:Gemeente)
WHERE $zicht.beheer AND o.id IN $ids
RETURN o.id AS organisatie, 'BUUR' AS soort, b.id AS ander, b.naam AS naam, 'Gemeente' AS label,
       null AS sinds
