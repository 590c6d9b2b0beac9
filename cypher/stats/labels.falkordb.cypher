// Number of nodes per label (a node with two labels counts for both), labels in use only.
// FalkorDB keeps the counts itself; counting per label in Cypher would scan the graph.
CALL db.meta.stats() YIELD labels
UNWIND keys(labels) AS label
WITH label, labels[label] AS aantal
WHERE aantal > 0
RETURN label, aantal
ORDER BY label
