// The application pairs the koppelingen of the gemeenten given join, as afhankelijkheid/netwerk
// counts them: the application of the koppeling's VAN end, and the application of its NAAR end
// or the facility it is. One row per gemeente and pair; nothing for one no longer a Gemeente.
// zicht: the analytics' own bookkeeping; what it feeds is read behind $zicht (analyse/netwerk).
// params: {"gemeenten": ["GM0363"]}
UNWIND $gemeenten AS id
MATCH (o:Gemeente {id: id})-[:GEBRUIKT]->(g:Gebruik)<-[:VAN]-(:Koppeling)-[:NAAR]->(n)
MATCH (g)-[:VAN]->(a:Applicatie)
OPTIONAL MATCH (n)-[:VAN]->(b:Applicatie)
WITH DISTINCT o.id AS gemeente, a.id AS van, coalesce(b, n) AS doel
RETURN gemeente, van, doel.id AS naar,
       CASE WHEN 'Applicatie' IN labels(doel) THEN 'Applicatie' ELSE 'BuitengemeentelijkeVoorziening' END AS naarSoort
