// How many approved reviews of each object beoordeling/openbaar lists to the asker.
// zicht: reads no Gebruik; counts what beoordeling/openbaar shows, by the same rule.
// params: {"ids": ["app-00001"], "minimum": 5}
UNWIND $ids AS sleutel
OPTIONAL MATCH (a:Applicatie {id: sleutel})
OPTIONAL MATCH (d:Dienst {id: sleutel})
WITH sleutel, coalesce(a, d) AS x
WHERE x IS NOT NULL
WITH sleutel, x, 'Applicatie' IN labels(x) AS isApplicatie,
     size([(x)<-[:OVER]-(c) WHERE c.status = 'GOEDGEKEURD' | c]) AS aantal,
     $zicht.beheer OR coalesce(head([(x)<-[:BIEDT_AAN|LEVERT]-(l) | l.id]) IN $zicht.aanbod, false) AS eigenObject
MATCH (x)<-[:OVER]-(b:Beoordeling)<-[:SCHREEF]-(o:Organisatie)
WITH sleutel, aantal, eigenObject, b,
     $zicht.beheer OR o.id IN $zicht.landschappen
       OR (isApplicatie AND ($zicht.alleGebruik OR sleutel IN $zicht.producten)) AS genoemd
WHERE b.status = 'GOEDGEKEURD' AND (genoemd OR eigenObject OR aantal >= $minimum)
RETURN sleutel, count(b) AS aantal
