// How many full-text matches ($ids) among the organisations pass the size-class filter.
// params: {"ids": ["GM0363", "GM0014"], "minInwoners": 100000, "maxInwoners": null}
// A concept leverancier (recorded with missing software, gemeldDoor set) only for the reporting
// organisation and functioneel beheer, until published (docs/access.md, "Concepts").
MATCH (o:Organisatie)
WHERE o.id IN $ids
  AND ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
  AND (o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten)
RETURN count(o) AS aantal
