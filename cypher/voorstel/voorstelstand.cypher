// What a proposal of a Gebruik refers to, read before the write to name what is wrong: whether
// the gemeente and application exist, the leveranciers that offer the application, whether the
// gemeente uses it already and whether a proposal of it to the gemeente is open; whether it is
// retired (`teruggetrokken`) or a concept (`concept`, `gemeldDoor`): neither is proposed. A
// concept exists only for who may see it, as in the catalogue.
// zicht: names no Gebruik; graph_api/domain/landschap/voorstel.py refuses an asker who may not
// propose this application before it tells whether the gemeente uses it.
// params: {"organisatie": "GM0363", "applicatie": "app-00001"}
OPTIONAL MATCH (o:Gemeente {id: $organisatie})
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
WITH o, a
RETURN o IS NOT NULL AS organisatie, a IS NOT NULL AS applicatie,
       a IS NOT NULL AND a.status = 'TERUGGETROKKEN' AS teruggetrokken,
       a IS NOT NULL AND a.gemeldDoor IS NOT NULL AS concept,
       CASE WHEN a IS NULL THEN [] ELSE [(l)-[:BIEDT_AAN]->(a) | l.id] END AS leveranciers,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)-[:GEBRUIKT]->(x)-[:VAN]->(a) | x.id]) END AS bestaand,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)<-[:AAN]-(y)-[:BETREFT]->(a) WHERE y.status = 'VOORGESTELD' | y.id]) END AS open
