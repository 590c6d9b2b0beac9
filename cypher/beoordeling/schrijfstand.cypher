// What writing a review refers to, read before the write to name what is wrong: whether the
// organisation exists, the object (an application or a dienst) as the catalogue shows it to
// the asker, whether it is a concept or retired, whether the organisation uses it now (a
// Gebruik of it, or taking it, not UITGEFASEERD), and the organisation's review of it.
// zicht: reads the Gebruik of one organisation only, one whose landscape the asker may change
// (the operation refuses any other before using what this returns).
// params: {"organisatie": "GM0014", "object": "app-00001"}
OPTIONAL MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (a:Applicatie {id: $object})
OPTIONAL MATCH (d:Dienst {id: $object})
WITH o, coalesce(a, d) AS x, a IS NOT NULL AS isApplicatie
WITH o, x, isApplicatie,
     CASE WHEN x IS NULL OR x.gemeldDoor IS NULL OR $zicht.beheer OR x.gemeldDoor IN $zicht.concepten
          THEN x END AS gezien
OPTIONAL MATCH (o)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(gezien)
RETURN o IS NOT NULL AS organisatie, gezien IS NOT NULL AS object, isApplicatie,
       gezien IS NOT NULL AND gezien.gemeldDoor IS NOT NULL AS concept,
       gezien IS NOT NULL AND coalesce(gezien.status, '') IN ['TERUGGETROKKEN', 'INGETROKKEN'] AS teruggetrokken,
       CASE WHEN o IS NULL OR gezien IS NULL THEN false
            ELSE size([(o)-[:GEBRUIKT]->(g)-[:VAN|NEEMT_AF]->(gezien) WHERE g.status <> 'UITGEFASEERD' | g]) > 0
       END AS gebruikt,
       CASE WHEN b IS NULL THEN null ELSE b {.id, .versie, .status, .score, .tekst} END AS beoordeling
