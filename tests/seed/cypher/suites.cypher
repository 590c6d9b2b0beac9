// Applications that realise more than one reference component, with those components.
// params: {}
MATCH (a:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
WITH a, collect(c.id) AS componenten
WHERE size(componenten) > 1
RETURN a.id AS applicatie, componenten
ORDER BY applicatie
