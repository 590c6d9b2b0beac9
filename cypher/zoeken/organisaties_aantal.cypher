// How many full-text matches among the organisations pass the size-class filter.
// params: {"treffers": [{"id": "GM0363", "score": 2.0}], "minInwoners": 100000, "maxInwoners": null}
UNWIND $treffers AS t
MATCH (o:Organisatie {id: t.id})
WHERE ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
RETURN count(o) AS aantal
