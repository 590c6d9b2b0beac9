// A page of each object's approved reviews (an application's or a dienst's), newest first by
// the time they were approved, after a keyset cursor. A review names its organisation only to
// who may see that organisation's use of the object (`genoemd`: functioneel beheer, the
// organisation's own landscape, and for an application whoever sees all Gebruik or the
// application's own leverancier); to the others it is anonymous, and shown only when the object
// has at least $minimum approved reviews (the group floor), or to the object's leverancier.
// zicht: reads no Gebruik; the organisation of a review is returned only where `genoemd`.
// params: {"ids": ["app-00001"], "minimum": 5, "aflopend": true, "na": null, "limit": 5}
UNWIND $ids AS sleutel
OPTIONAL MATCH (a:Applicatie {id: sleutel})
OPTIONAL MATCH (d:Dienst {id: sleutel})
WITH sleutel, coalesce(a, d) AS x
WHERE x IS NOT NULL
WITH sleutel, x, 'Applicatie' IN labels(x) AS isApplicatie,
     size([(x)<-[:OVER]-(c) WHERE c.status = 'GOEDGEKEURD' | c]) AS aantal,
     $zicht.beheer OR coalesce(head([(x)<-[:BIEDT_AAN|LEVERT]-(l) | l.id]) IN $zicht.aanbod, false) AS eigenObject
MATCH (x)<-[:OVER]-(b:Beoordeling)<-[:SCHREEF]-(o:Organisatie)
WITH sleutel, isApplicatie, aantal, eigenObject, b, o,
     $zicht.beheer OR o.id IN $zicht.landschappen
       OR (isApplicatie AND ($zicht.alleGebruik OR sleutel IN $zicht.producten)) AS genoemd
WHERE b.status = 'GOEDGEKEURD' AND (genoemd OR eigenObject OR aantal >= $minimum)
WITH sleutel, isApplicatie, b, o, genoemd, b.goedgekeurdOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND b.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND b.id > $na.id)))
WITH sleutel, isApplicatie, b, o, genoemd, k
ORDER BY sleutel, CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE b.id END, CASE WHEN $aflopend THEN b.id END DESC
WITH sleutel, collect({k: k, item: b {.id, .score, .tekst, .status, .antwoord, .beantwoordOp, .goedgekeurdOp,
       .versie, organisatie: CASE WHEN genoemd THEN o.id END, object: sleutel,
       objectLabel: CASE WHEN isApplicatie THEN 'Applicatie' ELSE 'Dienst' END}}) AS rijen
RETURN sleutel, rijen[0..$limit] AS rijen
