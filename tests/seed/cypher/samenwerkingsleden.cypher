// The member gemeenten of every samenwerking.
// params: {}
MATCH (g:Gemeente)-[:DEELNEMER_VAN]->(s:Samenwerking)
RETURN s.id AS samenwerking, g.id AS gemeente
ORDER BY samenwerking, gemeente
