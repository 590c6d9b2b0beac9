// Number of relationships per type, types in use only.
// zicht: run by the seeder and the command line only, never in a request.
// FalkorDB keeps the counts itself; counting per type in Cypher would scan the graph.
CALL db.meta.stats() YIELD relTypes
UNWIND keys(relTypes) AS type
WITH type, relTypes[type] AS aantal
WHERE aantal > 0
RETURN type, aantal
ORDER BY type
