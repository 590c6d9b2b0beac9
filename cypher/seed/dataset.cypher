// Record when the seed run completed.
// params: {"geladen": "2026-01-01T00:00:00+00:00"}
MATCH (d:Dataset {id: 'seed'})
SET d.geladen = $geladen
RETURN d.seed AS seed, d.scale AS scale
