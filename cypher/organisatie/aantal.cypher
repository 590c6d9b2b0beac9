// How many organisations pass the filter of organisatie/lijst.
// params: {"soort": "Gemeente", "tekst": null, "status": null, "provincie": "Utrecht", "minInwoners": null, "maxInwoners": null}
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
RETURN count(o) AS aantal
