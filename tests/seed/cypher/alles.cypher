// Every node with its labels and properties, for comparing two ways of seeding.
// params: {}
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS eigenschappen
