// How many Gebruik each organisation has that pass the filter of organisatie/gebruik.
// Only the Gebruik the asker may see ($zicht).
// params: {"ids": ["GM0363"], "status": "IN_PRODUCTIE", "referentiecomponent": null, "applicatie": null, "hosting": null}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WITH sleutel, o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($applicatie IS NULL OR a.id = $applicatie)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN sleutel, count(g) AS aantal
