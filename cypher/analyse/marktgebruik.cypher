// What the gemeenten given use per reference component, as the national markets count it
// (Gebruik not UITGEFASEERD): one row per gemeente, component and application (the
// leverancier by analyse/leveranciers). Nothing for one that is no longer a Gemeente.
// One path from the gemeente, the status tested after it: FalkorDB plans `u.status <> ...` in
// the MATCH as a scan of every Gebruik.
// zicht: the analytics' own bookkeeping; what it feeds is read behind $zicht (analyse/markt).
// params: {"gemeenten": ["GM0363"]}
UNWIND $gemeenten AS id
MATCH (o:Gemeente {id: id})-[:GEBRUIKT]->(u:Gebruik)-[:VAN]->(a:Applicatie)
WITH o, u, a
WHERE u.status <> 'UITGEFASEERD'
MATCH (u)-[:VOOR]->(c:Referentiecomponent)
RETURN DISTINCT o.id AS gemeente, c.id AS referentiecomponent, a.id AS applicatie
