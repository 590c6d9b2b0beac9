// How many full-text matches ($ids) among the organisations pass the size-class filter.
// params: {"ids": ["GM0363", "GM0014"], "minInwoners": 100000, "maxInwoners": null}
MATCH (o:Organisatie)
WHERE o.id IN $ids
  AND ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
RETURN count(o) AS aantal
