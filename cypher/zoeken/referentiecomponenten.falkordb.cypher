// Full-text matches among the referentiecomponenten (name and description, Dutch analyser), best first.
// $woorden: the search words; each matches as a prefix, all must match.
// params: {"woorden": ["zaak"]}
CALL db.idx.fulltext.queryNodes('Referentiecomponent', reduce(s = '', w IN $woorden | s + w + '* ')) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id
LIMIT 5000
