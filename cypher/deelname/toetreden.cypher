// An organisation joins a samenwerking or community (F010), and the change is recorded (a
// Wijziging), in one statement. It matches only an organisation the asker keeps
// ($zicht.organisaties: its organisatie-beheerders; $zicht.beheer), active and no concept; a
// samenwerking it may join (a gemeente) or a community (any organisation but a community),
// active; and writes only when the one is no member of the other yet. Otherwise nothing is
// written and no row returned; graph_api/domain/organisaties/deelname.py says why.
// zicht: a write; $zicht.organisaties is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "verband": "onbekend", "sinds": "2026-06-30", "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties)
  AND o.status = 'ACTIEF' AND o.gemeldDoor IS NULL
// Lock o before looking for its membership: on Neo4j two joins at once would otherwise both
// find none and both create one.
SET o:Organisatie
WITH o
MATCH (s:Organisatie {id: $verband})
WHERE s.status = 'ACTIEF'
  AND (('Samenwerking' IN labels(s) AND 'Gemeente' IN labels(o))
       OR ('Community' IN labels(s) AND NOT 'Community' IN labels(o)))
OPTIONAL MATCH (o)-[x:DEELNEMER_VAN]->(s)
WITH o, s, count(x) AS bestaand
WHERE bestaand = 0
CREATE (o)-[d:DEELNEMER_VAN]->(s)
SET d.sinds = $sinds
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.id AS organisatie, s.id AS verband, d.sinds AS sinds
