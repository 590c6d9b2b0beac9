// A page of full-text matches among the reference components, best first, after a keyset
// cursor on (score, id). $ids and $scores: the matches and their scores, pairwise.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"], "scores": [2.0], "na": null, "limit": 5}
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS id, $scores[i] AS k
MATCH (c:Referentiecomponent {id: id})
WHERE $na IS NULL OR k < $na.k OR (k = $na.k AND c.id > $na.id)
RETURN k, c {.*, label: 'Referentiecomponent'} AS item
ORDER BY k DESC, c.id
LIMIT $limit
