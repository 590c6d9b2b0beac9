// Every relationship with its type, ends and properties, for comparing two ways of seeding.
// params: {}
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS van, b.id AS naar, properties(r) AS eigenschappen
