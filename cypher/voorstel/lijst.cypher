// A page of the Gebruiksvoorstellen the asker may see (see voorstel/per_id), of one gemeente
// or all, of one status or all, oldest first, after a keyset cursor. A leverancier sees its own
// proposals (to every gemeente), a gemeente those made to it.
// params: {"organisatie": null, "status": "VOORGESTELD", "aflopend": false, "na": null, "limit": 5}
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel)-[:BETREFT]->(a:Applicatie)
WHERE ($organisatie IS NULL OR o.id = $organisatie)
  AND ($zicht.beheer OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR v.status = $status)
WITH v, v.voorgesteldOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND v.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND v.id > $na.id)))
RETURN k, v {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE v.id END, CASE WHEN $aflopend THEN v.id END DESC
LIMIT $limit
