// How many full-text matches ($ids) among the reference components there are.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"]}
MATCH (c:Referentiecomponent)
WHERE c.id IN $ids
RETURN count(c) AS aantal
