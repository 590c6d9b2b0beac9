// Test setup: the graph as if an older generator had seeded it (another fingerprint).
// params: {"generator": "0000000000000000"}
MATCH (d:Dataset {id: 'seed'})
SET d.generator = $generator
RETURN d.generator AS generator
