// How many Gebruik of each application pass the filter of applicatie/gebruik.
// Only the Gebruik the asker may see ($zicht).
// params: {"ids": ["app-00001"], "status": null, "hosting": null}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
WITH sleutel, a, g, o
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
RETURN sleutel, count(g) AS aantal
