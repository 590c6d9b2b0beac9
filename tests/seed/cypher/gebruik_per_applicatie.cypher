MATCH (:Gemeente)-[:GEBRUIKT]->(u:Gebruik)-[:VOOR]->(c:Referentiecomponent)
MATCH (u)-[:VAN]->(a:Applicatie)
RETURN c.id AS component, a.id AS applicatie, count(u) AS gebruik
ORDER BY component, gebruik DESC
