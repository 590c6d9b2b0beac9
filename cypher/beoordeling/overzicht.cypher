// The approved reviews of each object in figures: their count, average score and count per
// score (1 to 5). Shown where every review they rest on may be seen (beoordeling/openbaar): from
// $minimum reviews up (the group floor), or when the asker may see every reviewer by name, or
// to the object's leverancier; otherwise `verborgen` and no figure, not even the count, since
// the list the asker sees would then be a part of it.
// zicht: reads no Gebruik; names no organisation.
// params: {"ids": ["app-00001"], "minimum": 5}
UNWIND $ids AS sleutel
OPTIONAL MATCH (a:Applicatie {id: sleutel})
OPTIONAL MATCH (d:Dienst {id: sleutel})
WITH sleutel, coalesce(a, d) AS x
WHERE x IS NOT NULL
WITH sleutel, x, 'Applicatie' IN labels(x) AS isApplicatie,
     $zicht.beheer OR coalesce(head([(x)<-[:BIEDT_AAN|LEVERT]-(l) | l.id]) IN $zicht.aanbod, false) AS eigenObject
OPTIONAL MATCH (x)<-[:OVER]-(b:Beoordeling)<-[:SCHREEF]-(o:Organisatie)
WHERE b.status = 'GOEDGEKEURD'
WITH sleutel, eigenObject, collect(b.score) AS scores,
     collect(CASE WHEN o IS NOT NULL THEN $zicht.beheer OR o.id IN $zicht.landschappen
       OR (isApplicatie AND ($zicht.alleGebruik OR sleutel IN $zicht.producten)) END) AS genoemd
WITH sleutel, scores, eigenObject OR size(scores) >= $minimum OR all(g IN genoemd WHERE g) AS zichtbaar
RETURN sleutel, {
  aantal: CASE WHEN zichtbaar THEN size(scores) END,
  gemiddelde: CASE WHEN zichtbaar AND size(scores) > 0
                   THEN toFloat(reduce(s = 0, v IN scores | s + v)) / size(scores) END,
  verdeling: CASE WHEN zichtbaar THEN [s IN range(1, 5) | size([v IN scores WHERE v = s])] END,
  verborgen: NOT zichtbaar
} AS item
