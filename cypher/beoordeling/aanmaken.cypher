// Writes an organisation's first review of an application or dienst, and records it (a
// Wijziging), in one statement. It matches only an organisation whose landscape the asker may
// change ($zicht.wijzigbaar), locked first so that two writes at once cannot both find no
// review, that uses the object now (a Gebruik of it or taking it, not UITGEFASEERD), a
// published object not retired, and no review of it by the organisation yet; otherwise no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see, and the Gebruik
// read is of that organisation only.
// params: {"organisatie": "onbekend", "object": "onbekend", "beoordeling": {"id": "bdl-onbekend", "score": 3, "tekst": "Werkt goed.", "status": "INGEDIEND", "versie": 1, "geschrevenOp": "2026-06-30T09:15:00.000Z", "gewijzigdOp": "2026-06-30T09:15:00.000Z", "gewijzigdDoor": "gebruiker-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE o.id IN $zicht.wijzigbaar
SET o:Organisatie
WITH o
OPTIONAL MATCH (a:Applicatie {id: $object})
OPTIONAL MATCH (d:Dienst {id: $object})
WITH o, coalesce(a, d) AS x
WHERE x IS NOT NULL AND x.gemeldDoor IS NULL AND NOT coalesce(x.status, '') IN ['TERUGGETROKKEN', 'INGETROKKEN']
// FalkorDB finds a pattern comprehension's value only when a WITH names it, and misses a review
// between two bound nodes in one: the review is looked for by OPTIONAL MATCH.
WITH o, x, size([(o)-[:GEBRUIKT]->(g)-[:VAN|NEEMT_AF]->(x) WHERE g.status <> 'UITGEFASEERD' | g]) AS gebruik
WHERE gebruik > 0
OPTIONAL MATCH (o)-[:SCHREEF]->(e:Beoordeling)-[:OVER]->(x)
WITH o, x, e
WHERE e IS NULL
CREATE (o)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x)
SET b = $beoordeling
CREATE (w:Wijziging)
SET w = $wijziging
RETURN b.id AS id, b.versie AS versie
