// How many full-text matches among the reference components there are.
// params: {"treffers": [{"id": "id-058a6e89-c36e-46ce-819b-7d8637fd3980", "score": 2.0}]}
UNWIND $treffers AS t
MATCH (c:Referentiecomponent {id: t.id})
RETURN count(c) AS aantal
