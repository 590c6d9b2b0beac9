// The change records of one organisation's Gebruik and koppelingen made at or after $van and
// before $tot, oldest first: what a difference in its landscape between the two instants is
// worked out from (graph_api/domain/landschap/verloop.py). Only where the asker may see that
// landscape whole, as wijziging/lijst lists them: for anyone else no record, so no difference.
// params: {"organisatie": "GM0363", "van": "2026-01-01T00:00:00.000Z", "tot": "2026-02-01T00:00:00.000Z"}
MATCH (w:Wijziging {organisatie: $organisatie})
WHERE w.objectLabel IN ['Gebruik', 'Koppeling'] AND w.tijdstip >= $van
  AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
// The upper bound on the projected value: FalkorDB (4.x) leaves `w.tijdstip < $tot` out of the
// filter when tijdstip is indexed and returns the later records too (tests/graphql/test_verloop.py).
WITH w, w.tijdstip AS tijdstip
WHERE tijdstip < $tot
RETURN w.object AS object, w.objectLabel AS objectLabel, w.operatie AS operatie,
       tijdstip, w.voor AS voor, w.na AS na
ORDER BY tijdstip, w.id
