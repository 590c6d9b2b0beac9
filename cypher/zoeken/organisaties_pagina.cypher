// A page of full-text matches among the organisations, narrowed by size class for gemeenten,
// best first, after a keyset cursor on (score, id).
// params: {"treffers": [{"id": "GM0363", "score": 2.0}], "minInwoners": null, "maxInwoners": null, "na": null, "limit": 5}
UNWIND $treffers AS t
MATCH (o:Organisatie {id: t.id})
WHERE ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
  AND ($na IS NULL OR t.score < $na.k OR (t.score = $na.k AND o.id > $na.id))
RETURN t.score AS k, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
ORDER BY t.score DESC, o.id
LIMIT $limit
