// A page of diensten, filtered, ordered by name, after a keyset cursor; those on offer unless
// $status asks for the retired ones.
// params: {"tekst": null, "type": "HOSTING", "status": null, "leverancier": null, "applicatie": null, "aflopend": false, "na": null, "limit": 5}
// The application of the filter is found once, not looked up again for every dienst.
OPTIONAL MATCH (applicatie:Applicatie {id: $applicatie})
WITH applicatie
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst)
WHERE ($tekst IS NULL OR toLower(d.naam) CONTAINS $tekst)
  AND ($type IS NULL OR d.type = $type)
  AND coalesce(d.status, 'AANGEBODEN') = coalesce($status, 'AANGEBODEN')
  AND ($leverancier IS NULL OR l.id = $leverancier)
  AND ($applicatie IS NULL OR (d)-[:BIJ]->(applicatie))
WITH d, toLower(d.naam) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND d.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND d.id > $na.id)))
RETURN k, d {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE d.id END, CASE WHEN $aflopend THEN d.id END DESC
LIMIT $limit
