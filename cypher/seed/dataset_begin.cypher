// Mark the graph as (being) seeded with these settings, before the first row is written,
// so an interrupted run can be repeated.
MERGE (d:Dataset {id: 'seed'})
SET d.seed = $seed, d.scale = $scale
RETURN d.seed AS seed
