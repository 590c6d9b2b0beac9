// The applications a gemeente and each of the others both use (Gebruik not phased out).
// Only the Gebruik the asker may see ($zicht).
// params: {"gemeente": "GM0363", "ids": ["GM0599"]}
MATCH (g:Gemeente {id: $gemeente})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(a:Applicatie)
WITH g, u, a
WHERE u.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR g.id IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH DISTINCT a
UNWIND $ids AS sleutel
MATCH (a)<-[:VAN]-(v:Gebruik)<-[:GEBRUIKT]-(o:Gemeente {id: sleutel})
WITH sleutel, a, v
WHERE v.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR sleutel IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH DISTINCT sleutel, a
RETURN sleutel, a {.*} AS item
ORDER BY sleutel, a.naam, a.id
