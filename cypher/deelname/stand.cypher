// What joining or leaving finds: the organisation (null when unknown, or a concept the asker may
// not see), the samenwerking or community (null when unknown), each with its kind and status,
// and whether the one is a member of the other now (`lid`) since when. Read before a write, to
// say which error an impossible one is and what the change record holds before.
// params: {"organisatie": "GM0363", "verband": "sam-01"}
OPTIONAL MATCH (o:Organisatie {id: $organisatie})
WHERE o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten
WITH o
OPTIONAL MATCH (s:Organisatie {id: $verband})
WHERE s.gemeldDoor IS NULL OR $zicht.beheer OR s.gemeldDoor IN $zicht.concepten
WITH o, s
OPTIONAL MATCH (o)-[d:DEELNEMER_VAN]->(s)
RETURN CASE WHEN o IS NULL THEN null
            ELSE {id: o.id, status: o.status, concept: o.gemeldDoor IS NOT NULL,
                  soort: [l IN labels(o) WHERE l <> 'Organisatie'][0]} END AS organisatie,
       CASE WHEN s IS NULL THEN null
            ELSE {id: s.id, status: s.status, soort: [l IN labels(s) WHERE l <> 'Organisatie'][0]} END AS verband,
       d IS NOT NULL AS lid, d.sinds AS sinds
