// What a proposal of a Gebruik refers to, read before the write to name what is wrong: whether
// the gemeente and application exist, the leveranciers that offer the application, whether the
// gemeente uses it already, whether a proposal of it to the gemeente is open, and its concept
// marker (a concept is proposed to nobody: the gemeente would see it).
// zicht: names no Gebruik; graph_api/domain/landschap/voorstel.py refuses an asker who may not
// propose this application before it tells whether the gemeente uses it.
// params: {"organisatie": "GM0363", "applicatie": "app-00001"}
OPTIONAL MATCH (o:Gemeente {id: $organisatie})
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
WITH o, a
RETURN o IS NOT NULL AS organisatie, a IS NOT NULL AS applicatie, a.gemeldDoor AS gemeldDoor,
       CASE WHEN a IS NULL THEN [] ELSE [(l)-[:BIEDT_AAN]->(a) | l.id] END AS leveranciers,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)-[:GEBRUIKT]->(x)-[:VAN]->(a) | x.id]) END AS bestaand,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)<-[:AAN]-(y)-[:BETREFT]->(a) WHERE y.status = 'VOORGESTELD' | y.id]) END AS open
