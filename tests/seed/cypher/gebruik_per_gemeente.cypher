MATCH (g:Gemeente)
RETURN g.id AS id, g.inwoners AS inwoners, size([(g)-[:GEBRUIKT]->(u:Gebruik) | u]) AS gebruik,
       size([(g)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling) | k]) AS koppelingen
ORDER BY id
