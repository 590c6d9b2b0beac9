// The catalogue-level dependency graph: application A is connected to application or facility
// B (A at a koppeling's VAN end, B at its NAAR end, whichever way its data flows) in how many
// gemeenten, over all landscapes; pairs found in fewer than $minimaleGroep
// gemeenten are left out. $referentiecomponent (or null) keeps pairs with an end realising it.
// An aggregate: over every landscape for those who may see aggregates ($zicht), else over the
// landscapes the asker may see.
// params: {"referentiecomponent": null, "minimaleGroep": 5, "limit": 10}
OPTIONAL MATCH (:Referentiecomponent {id: $referentiecomponent})<-[:REALISEERT]-(r:Applicatie)
WITH collect(r.id) AS realiserend
MATCH (o:Gemeente)-[:GEBRUIKT]->(g:Gebruik)<-[:VAN]-(:Koppeling)-[:NAAR]->(n)
WHERE $zicht.aggregaten OR $zicht.alleLandschappen OR o.id IN $zicht.landschappen
MATCH (g)-[:VAN]->(a:Applicatie)
OPTIONAL MATCH (n)-[:VAN]->(b:Applicatie)
WITH realiserend, a, coalesce(b, n) AS doel, count(DISTINCT o) AS gemeenten
WHERE gemeenten >= $minimaleGroep
  AND ($referentiecomponent IS NULL OR a.id IN realiserend OR doel.id IN realiserend)
RETURN a.id AS van, a.naam AS vanNaam, doel.id AS naar, doel.naam AS naarNaam,
       CASE WHEN 'Applicatie' IN labels(doel) THEN 'Applicatie' ELSE 'BuitengemeentelijkeVoorziening' END AS naarSoort,
       gemeenten
ORDER BY gemeenten DESC, van, naar
LIMIT $limit
