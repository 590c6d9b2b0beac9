// A page of full-text matches among the reference components, best first, after a keyset
// cursor on (score, id).
// params: {"treffers": [{"id": "id-058a6e89-c36e-46ce-819b-7d8637fd3980", "score": 2.0}], "na": null, "limit": 5}
UNWIND $treffers AS t
MATCH (c:Referentiecomponent {id: t.id})
WHERE $na IS NULL OR t.score < $na.k OR (t.score = $na.k AND c.id > $na.id)
RETURN t.score AS k, c {.*, label: 'Referentiecomponent'} AS item
ORDER BY t.score DESC, c.id
LIMIT $limit
