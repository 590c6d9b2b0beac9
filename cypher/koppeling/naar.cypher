// The NAAR end of each koppeling: a Gebruik or a national facility.
// zicht: the koppelingen were found through a query that applies it; their ends lie in the same landscape.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:NAAR]->(n)
RETURN sleutel, n {.*, label: CASE WHEN 'Gebruik' IN labels(n) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END} AS item
