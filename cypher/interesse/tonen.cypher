// A gemeente shows interest in an application, and the change is recorded (a Wijziging), in
// one statement. It matches only a gemeente the asker is a member of ($zicht.leden), the asker
// as a person (a machine client shows no interest), and a published application that is not
// retired in which the gemeente shows no interest yet; otherwise it writes nothing and returns
// no row. The gemeente is locked first, so two requests at once cannot both find it free.
// zicht: a write; $zicht.leden: the asker's own organisations.
// params: {"gemeente": "onbekend", "applicatie": "onbekend", "gebruiker": "onbekend", "interesse": {"id": "int-onbekend", "versie": 1, "aangemaakt": "2026-01-01T00:00:00.000Z", "door": "onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (g:Gemeente {id: $gemeente})
WHERE g.id IN $zicht.leden
SET g:Gemeente
WITH g
MATCH (p:Gebruiker {id: $gebruiker})
WHERE coalesce(p.soort, 'PERSOON') = 'PERSOON'
MATCH (a:Applicatie {id: $applicatie})
WHERE a.gemeldDoor IS NULL AND coalesce(a.status, '') <> 'TERUGGETROKKEN'
WITH g, a, [(a)<-[:INTERESSE_IN]-(j)-[:GETOOND_DOOR]->(h) | h.id] AS geinteresseerd
WHERE NOT g.id IN geinteresseerd
CREATE (i:Interesse)
SET i = $interesse
CREATE (i)-[:GETOOND_DOOR]->(g)
CREATE (i)-[:INTERESSE_IN]->(a)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN i.id AS id, i.versie AS versie
