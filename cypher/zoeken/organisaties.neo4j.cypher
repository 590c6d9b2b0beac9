// Full-text matches among the organisaties (name and description, Dutch analyser): the best
// 5000, as their ids and, pairwise, their scores (two lists: one row is quicker to read).
// $woorden: the search words; each matches as a prefix, all must match. Lucene leaves a prefix
// query unanalysed while the Dutch analyser indexes stems ("toepassing" as "toepass"), so each
// word is also matched as a term, which the analyser stems like the text.
// params: {"woorden": ["zaak"]}
CALL db.index.fulltext.queryNodes('zoek_Organisatie', reduce(s = '', w IN $woorden | s + CASE WHEN s = '' THEN '' ELSE ' AND ' END + '(' + w + '* OR ' + w + ')')) YIELD node, score
WITH node.id AS id, score
ORDER BY score DESC, id
LIMIT 5000
RETURN collect(id) AS ids, collect(score) AS scores
