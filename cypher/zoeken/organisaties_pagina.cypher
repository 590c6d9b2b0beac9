// A page of full-text matches among the organisations, narrowed by size class for gemeenten,
// best first, after a keyset cursor on (score, id). $ids and $scores: the matches and their
// scores, pairwise.
// params: {"ids": ["GM0363", "GM0014"], "scores": [2.0, 1.5], "minInwoners": null, "maxInwoners": null, "na": null, "limit": 5}
// A concept leverancier (recorded with missing software, gemeldDoor set) only for the reporting
// organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS id, $scores[i] AS k
MATCH (o:Organisatie {id: id})
WHERE ($minInwoners IS NULL OR o.inwoners >= $minInwoners)
  AND ($maxInwoners IS NULL OR o.inwoners < $maxInwoners)
  AND (o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten)
  AND ($na IS NULL OR k < $na.k OR (k = $na.k AND o.id > $na.id))
RETURN k, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
ORDER BY k DESC, o.id
LIMIT $limit
