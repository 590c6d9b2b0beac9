// A page of the applications realising each component, ordered by how many Gebruik they
// have, after a keyset cursor.
// Only Gebruik the asker may see ($zicht) is counted.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"], "status": null, "aflopend": true, "na": null, "limit": 5}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND $ids AS sleutel
MATCH (c:Referentiecomponent {id: sleutel})<-[:REALISEERT]-(a:Applicatie)
WITH sleutel, a
WHERE ($status IS NULL OR a.status = $status)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
WITH sleutel, a, size([(a)<-[:VAN]-(g)<-[:GEBRUIKT]-(o) WHERE $zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten | 1]) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND a.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND a.id > $na.id)))
WITH sleutel, a, k
ORDER BY sleutel, CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE a.id END, CASE WHEN $aflopend THEN a.id END DESC
WITH sleutel, collect({k: k, item: a {.*}}) AS rijen
RETURN sleutel, rijen[0..$limit] AS rijen
