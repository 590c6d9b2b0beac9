MATCH (s:Samenwerking)-[:REGISTREERT]->(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
RETURN s.id AS samenwerking, g.id AS gemeente, size([(g)-[:DEELNEMER_VAN]->(s) | 1]) > 0 AS lid
