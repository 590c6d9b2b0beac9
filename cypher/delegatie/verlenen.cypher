// Grants a delegation and records the change (a Wijziging), in one statement. It matches only a
// granting organisation whose organisatie-beheerder the asker is ($zicht.organisaties, or
// $zicht.beheer), another organisation the asker may see, and no delegation of the same role
// between the two that is neither withdrawn nor expired on $vandaag; otherwise it writes nothing
// and returns no row, and graph_api/domain/organisaties/delegatie.py says why. The API made the
// id and every property.
// zicht: a write; $zicht.organisaties is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "aan": "onbekend", "rol": "GEBRUIK_BEHEERDER", "vandaag": "2026-06-30", "eigenschappen": {"id": "dlg-onbekend", "rol": "GEBRUIK_BEHEERDER", "startDatum": "2026-06-30", "eindDatum": "2026-12-31", "versie": 1, "verleendOp": "2026-06-30T09:15:00.000Z", "verleendDoor": "gebruiker-onbekend"}, "wijziging": {"id": "wij-onbekend", "actor": "gebruiker-onbekend", "actorOrganisatie": "onbekend", "organisatie": "onbekend", "tijdstip": "2026-06-30T09:15:00.000Z", "object": "dlg-onbekend", "objectLabel": "Delegatie", "operatie": "AANGEMAAKT"}}
MATCH (v:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR v.id IN $zicht.organisaties
// Lock v before looking for a delegation of the same role: two grants at once by one
// organisation take turns on Neo4j, so the second finds the first (docs/architecture.md,
// "Concurrent writes on Neo4j").
SET v:Organisatie
WITH v
MATCH (o:Organisatie {id: $aan})
WHERE o.id <> v.id AND (o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (v)-[:VERLEENT]->(x:Delegatie)-[:GEDELEGEERD_AAN]->(o)
WHERE x.rol = $rol AND x.ingetrokkenOp IS NULL AND x.eindDatum >= $vandaag
WITH v, o, count(x) AS bestaand
WHERE bestaand = 0
CREATE (v)-[:VERLEENT]->(d:Delegatie)-[:GEDELEGEERD_AAN]->(o)
SET d = $eigenschappen
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id, d.versie AS versie
