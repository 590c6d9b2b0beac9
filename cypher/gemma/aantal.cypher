// How many GEMMA elements of one kind pass the filter of gemma/lijst.
// params: {"soort": "Standaard", "tekst": null, "status": "IN_GEBRUIK"}
MATCH (e:GemmaElement)
WHERE $soort IN labels(e)
  AND ($tekst IS NULL OR toLower(e.naam) CONTAINS $tekst)
  AND ($status IS NULL OR e.status = $status)
RETURN count(e) AS aantal
