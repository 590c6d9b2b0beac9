// Mark the graph as (being) seeded with these settings, before the first row is written,
// so an interrupted run can be repeated.
// params: {"seed": 1, "scale": 1}
MERGE (d:Dataset {id: 'seed'})
SET d.seed = $seed, d.scale = $scale
RETURN d.seed AS seed
