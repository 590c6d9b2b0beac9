// How many reviews pass the filter of beoordeling/lijst.
// zicht: $zicht.beheer OR o.id IN $zicht.landschappen, as beoordeling/lijst.
// params: {"status": "INGEDIEND", "organisatie": null}
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling)
WITH o, b
WHERE ($zicht.beheer OR o.id IN $zicht.landschappen)
  AND ($status IS NULL OR b.status = $status)
  AND ($organisatie IS NULL OR o.id = $organisatie)
RETURN count(b) AS aantal
