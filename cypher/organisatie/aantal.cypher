// How many organisations pass the filter of organisatie/lijst.
// params: {"soort": "Gemeente", "tekst": null, "status": null, "provincie": "Utrecht", "minInwoners": null, "maxInwoners": null}
MATCH (o:Organisatie)
WHERE ($soort IS NULL OR $soort IN labels(o))
  AND ($tekst IS NULL OR toLower(o.naam) CONTAINS $tekst)
  AND ($status IS NULL OR o.status = $status)
  AND ($provincie IS NULL OR o.provincie = $provincie)
  AND ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
RETURN count(o) AS aantal
