// Mark the graph as (being) seeded with these settings, before the first row is written,
// so an interrupted run can be repeated.
// params: {"seed": 1, "scale": 1, "generator": "3f2a9c0d1e4b5a6c"}
MERGE (d:Dataset {id: 'seed'})
SET d.seed = $seed, d.scale = $scale, d.generator = $generator
RETURN d.seed AS seed
