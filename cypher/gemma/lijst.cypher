// A page of GEMMA elements of one kind, filtered, ordered by name, after a keyset cursor.
// $soort: Referentiecomponent, Standaard, Standaardversie, BuitengemeentelijkeVoorziening,
// Applicatieservice or Bedrijfsfunctie.
// params: {"soort": "Referentiecomponent", "tekst": "zaak", "status": null, "aflopend": false, "na": null, "limit": 5}
MATCH (e:GemmaElement)
WHERE $soort IN labels(e)
  AND ($tekst IS NULL OR toLower(e.naam) CONTAINS $tekst)
  AND ($status IS NULL OR e.status = $status)
WITH e, toLower(e.naam) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND e.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND e.id > $na.id)))
RETURN k, e {.*, label: $soort} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE e.id END, CASE WHEN $aflopend THEN e.id END DESC
LIMIT $limit
