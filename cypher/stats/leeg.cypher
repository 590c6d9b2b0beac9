// Whether the graph holds any node at all, without counting them.
MATCH (n)
WITH n LIMIT 1
RETURN count(n) > 0 AS gevuld
