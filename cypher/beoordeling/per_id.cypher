// Reviews by id, as the asker may see them: in every state by functioneel beheer and the
// author organisation's landscape (with the reason of a rejection); approved ones as
// beoordeling/openbaar shows them, naming the organisation only where `genoemd`.
// zicht: reads no Gebruik; the organisation is returned only where `genoemd`, as beoordeling/openbaar.
// params: {"ids": ["bdl-onbekend"], "minimum": 5}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: sleutel})-[:OVER]->(x)
WITH sleutel, o, b, x, 'Applicatie' IN labels(x) AS isApplicatie,
     $zicht.beheer OR o.id IN $zicht.landschappen AS eigen
WITH sleutel, o, b, x, isApplicatie, eigen,
     eigen OR (isApplicatie AND ($zicht.alleGebruik OR x.id IN $zicht.producten)) AS genoemd,
     coalesce(head([(x)<-[:BIEDT_AAN|LEVERT]-(l) | l.id]) IN $zicht.aanbod, false) AS eigenObject,
     size([(x)<-[:OVER]-(c) WHERE c.status = 'GOEDGEKEURD' | c]) AS aantal
WHERE eigen OR (b.status = 'GOEDGEKEURD' AND (genoemd OR eigenObject OR aantal >= $minimum))
RETURN sleutel, b {.id, .score, .tekst, .status, .antwoord, .beantwoordOp, .goedgekeurdOp, .versie,
                   reden: CASE WHEN eigen THEN b.reden END, organisatie: CASE WHEN genoemd THEN o.id END,
                   object: x.id, objectLabel: CASE WHEN isApplicatie THEN 'Applicatie' ELSE 'Dienst' END} AS item
