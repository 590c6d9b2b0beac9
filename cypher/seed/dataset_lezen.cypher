// What the graph was seeded with, if anything.
MATCH (d:Dataset {id: 'seed'})
RETURN d.seed AS seed, d.scale AS scale, d.geladen AS geladen, d.generator AS generator
