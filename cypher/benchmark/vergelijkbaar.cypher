// The $aantal gemeenten whose applications overlap most with this gemeente's (Jaccard: shared
// applications over the applications either uses; Gebruik that is phased out not counted).
// Lists are not carried along the rows: FalkorDB copies them for every row.
// Only the Gebruik the asker may see ($zicht) is compared.
// params: {"gemeente": "GM0363", "aantal": 5}
MATCH (g:Gemeente {id: $gemeente})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(a:Applicatie)
WITH g, u, a
WHERE u.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR g.id IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH g, count(DISTINCT a) AS n
MATCH (g)-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(a:Applicatie)
WITH g, n, u, a
WHERE u.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR g.id IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH DISTINCT g, n, a
MATCH (a)<-[:VAN]-(v:Gebruik)<-[:GEBRUIKT]-(o:Gemeente)
WITH g, n, a, v, o
WHERE o <> g AND v.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH n, o, count(DISTINCT a) AS gedeeld
MATCH (o)-[:GEBRUIKT]->(w:Gebruik)-[:VAN]->(b:Applicatie)
WITH n, o, gedeeld, w, b
WHERE w.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR b.id IN $zicht.producten)
WITH n, o, gedeeld, count(DISTINCT b) AS m
WITH o, gedeeld, n, m, toFloat(gedeeld) / (n + m - gedeeld) AS jaccard
ORDER BY jaccard DESC, o.id
LIMIT $aantal
RETURN o {.*, label: 'Gemeente'} AS gemeente, jaccard, gedeeld, n - gedeeld AS alleenHier, m - gedeeld AS alleenDaar
