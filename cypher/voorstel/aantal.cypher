// How many Gebruiksvoorstellen the asker may see pass the filter of voorstel/lijst.
// params: {"organisatie": null, "status": "VOORGESTELD"}
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel)-[:BETREFT]->(a:Applicatie)
WHERE ($organisatie IS NULL OR o.id = $organisatie)
  AND ($zicht.beheer OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR v.status = $status)
RETURN count(v) AS aantal
