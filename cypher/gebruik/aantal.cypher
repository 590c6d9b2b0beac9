// How many Gebruik the asker may see pass the filter of gebruik/lijst.
// params: {"applicatie": null, "referentiecomponent": null, "status": "VERWERVING", "hosting": null}
// The applications whose Gebruik may be seen first: an aanbod-beheerder walks only its own.
// The component of the filter is found once, not looked up again for every Gebruik.
OPTIONAL MATCH (component:Referentiecomponent {id: $referentiecomponent})
WITH component
MATCH (a:Applicatie)
WHERE ($applicatie IS NULL OR a.id = $applicatie)
  AND ($zicht.alleGebruik OR size($zicht.landschappen) > 0 OR a.id IN $zicht.producten)
WITH a, component
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(component))
RETURN count(g) AS aantal
