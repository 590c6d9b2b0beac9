// A page of organisations, filtered and ordered, after a keyset cursor.
// $soort: Gemeente, Leverancier, Samenwerking, Community or Beheerorganisatie (or null);
// $veld: NAAM or INWONERS; $aflopend flips the order; $na: {k, id} of the last row seen.
// params: {"soort": "Gemeente", "tekst": "gr", "status": null, "provincie": null, "minInwoners": null, "maxInwoners": null, "veld": "NAAM", "aflopend": false, "na": null, "limit": 5}
// A concept leverancier (recorded with missing software, gemeldDoor set) only for the reporting
// organisation and functioneel beheer, until published (docs/access.md, "Concepts").
MATCH (o:Organisatie)
WHERE ($soort IS NULL OR $soort IN labels(o))
  AND ($tekst IS NULL OR toLower(o.naam) CONTAINS $tekst)
  AND ($status IS NULL OR o.status = $status)
  AND ($provincie IS NULL OR o.provincie = $provincie)
  AND ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
  AND (o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten)
WITH o, CASE $veld WHEN 'INWONERS' THEN coalesce(o.inwoners, 0) ELSE toLower(o.naam) END AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND o.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND o.id > $na.id)))
RETURN k, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE o.id END, CASE WHEN $aflopend THEN o.id END DESC
LIMIT $limit
