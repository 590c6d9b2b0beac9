// A page of the concept applications (missing software recorded by a gebruik-beheerder, not
// yet published), for functioneel beheer only, by name, after a keyset cursor.
// params: {"aflopend": false, "na": null, "limit": 5}
MATCH (a:Applicatie)
WHERE $zicht.beheer AND a.gemeldDoor IS NOT NULL
WITH a, toLower(a.naam) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND a.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND a.id > $na.id)))
RETURN k, a {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE a.id END, CASE WHEN $aflopend THEN a.id END DESC
LIMIT $limit
