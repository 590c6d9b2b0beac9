// A page of each application's Gebruik (the organisations using it), after a keyset cursor,
// ordered by the organisation's name.
// Only the Gebruik the asker may see ($zicht).
// params: {"ids": ["app-00001"], "status": null, "hosting": null, "aflopend": false, "na": null, "limit": 5}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
WITH sleutel, a, g, o
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
WITH sleutel, g, toLower(o.naam) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND g.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND g.id > $na.id)))
WITH sleutel, g, k
ORDER BY sleutel, CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE g.id END, CASE WHEN $aflopend THEN g.id END DESC
WITH sleutel, collect({k: k, item: g {.id, .status, .startDatum, .eindDatum, .hosting, .versie}}) AS rijen
RETURN sleutel, rijen[0..$limit] AS rijen
