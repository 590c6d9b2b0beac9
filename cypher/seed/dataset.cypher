// Record when the seed run completed.
MATCH (d:Dataset {id: 'seed'})
SET d.geladen = $geladen
RETURN d.seed AS seed, d.scale AS scale
