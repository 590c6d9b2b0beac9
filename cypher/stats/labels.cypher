// Number of nodes per label (a node with two labels counts for both).
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS aantal
ORDER BY label
