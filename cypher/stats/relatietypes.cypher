// Number of relationships per type.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS aantal
ORDER BY type
