// A page of the asker's own meldingen, unread first, then newest first (descending on `k`: '1'
// for unread, '0' for read, then `aangemaakt`), after a keyset cursor; only the unread with
// $ongelezen true, only the read with false.
// zicht: only the asker's own ($ontvanger, from its token).
// params: {"ontvanger": "gebruiker-onbekend", "ongelezen": null, "aflopend": true, "na": null, "limit": 5}
MATCH (n:Melding {ontvanger: $ontvanger})
WHERE $ongelezen IS NULL OR n.gelezen = (NOT $ongelezen)
WITH n, CASE WHEN n.gelezen THEN '0' ELSE '1' END + n.aangemaakt AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND n.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND n.id > $na.id)))
RETURN k, n {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE n.id END, CASE WHEN $aflopend THEN n.id END DESC
LIMIT $limit
