// A page of each organisation's Gebruik (its landscape), filtered, after a keyset cursor.
// $veld: APPLICATIE (the application's name), STATUS or START_DATUM.
// Only the Gebruik the asker may see ($zicht).
// params: {"ids": ["GM0363"], "status": null, "referentiecomponent": null, "applicatie": null, "hosting": null, "veld": "APPLICATIE", "aflopend": false, "na": null, "limit": 5}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WITH sleutel, o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($applicatie IS NULL OR a.id = $applicatie)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
WITH sleutel, g, CASE $veld WHEN 'STATUS' THEN g.status WHEN 'START_DATUM' THEN coalesce(g.startDatum, '') ELSE toLower(a.naam) END AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND g.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND g.id > $na.id)))
WITH sleutel, g, k
ORDER BY sleutel, CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE g.id END, CASE WHEN $aflopend THEN g.id END DESC
WITH sleutel, collect({k: k, item: g {.id, .status, .startDatum, .eindDatum, .hosting, .versie}}) AS rijen
RETURN sleutel, rijen[0..$limit] AS rijen
