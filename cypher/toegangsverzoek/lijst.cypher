// A page of the requests for access to the organisations the asker keeps (an organisatie-
// beheerder's own; every one for functioneel beheer), of one organisation or all, of one
// status or all, oldest first, after a keyset cursor.
// params: {"organisatie": null, "status": "INGEDIEND", "aflopend": false, "na": null, "limit": 5}
MATCH (t:Toegangsverzoek)-[:AAN]->(o:Organisatie)
WITH t, o
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties)
  AND ($organisatie IS NULL OR o.id = $organisatie)
  AND ($status IS NULL OR t.status = $status)
WITH t, o, t.ingediendOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND t.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND t.id > $na.id)))
RETURN k, t {.*, organisatie: o.id} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE t.id END, CASE WHEN $aflopend THEN t.id END DESC
LIMIT $limit
