// An organisation leaves a samenwerking or community (F010): the membership is deleted and the
// change recorded (a Wijziging; it keeps when the membership began), in one statement. It
// matches only an organisation the asker keeps ($zicht.organisaties; $zicht.beheer) that is a
// member now; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.organisaties is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "verband": "onbekend", "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
// Lock o first: of two leaves at once on Neo4j, the second then finds the membership gone.
SET o:Organisatie
WITH o
MATCH (o)-[d:DEELNEMER_VAN]->(s:Organisatie {id: $verband})
DELETE d
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.id AS organisatie, s.id AS verband
