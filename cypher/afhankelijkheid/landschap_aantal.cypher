// How many Gebruik of one organisation's landscape pass the filter of afhankelijkheid/landschap.
// Only the Gebruik the asker may see ($zicht).
// params: {"organisatie": "GM0363", "status": "IN_PRODUCTIE", "referentiecomponent": null}
MATCH (o:Organisatie {id: $organisatie})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WITH o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN count(g) AS aantal
