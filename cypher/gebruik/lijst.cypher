// A page of the Gebruik the asker may see ($zicht) across all landscapes, filtered, ordered, after a keyset cursor.
// $veld: APPLICATIE (the application's name), STATUS or START_DATUM.
// params: {"applicatie": null, "referentiecomponent": null, "status": "GEPLAND", "hosting": null, "veld": "APPLICATIE", "aflopend": false, "na": null, "limit": 5}
// The applications whose Gebruik may be seen first: an aanbod-beheerder walks only its own.
// The component of the filter is found once, not looked up again for every Gebruik.
OPTIONAL MATCH (component:Referentiecomponent {id: $referentiecomponent})
WITH component
MATCH (a:Applicatie)
WHERE ($applicatie IS NULL OR a.id = $applicatie)
  AND ($zicht.alleGebruik OR size($zicht.landschappen) > 0 OR a.id IN $zicht.producten)
WITH a, component
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(component))
WITH g, CASE $veld WHEN 'STATUS' THEN g.status WHEN 'START_DATUM' THEN coalesce(g.startDatum, '') ELSE toLower(a.naam) END AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND g.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND g.id > $na.id)))
RETURN k, g {.id, .status, .startDatum, .eindDatum, .hosting, .versie} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE g.id END, CASE WHEN $aflopend THEN g.id END DESC
LIMIT $limit
