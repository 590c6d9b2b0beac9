// Withdraws a delegation and records the change, in one statement. It matches only a delegation
// of an organisation whose organisatie-beheerder the asker is ($zicht.organisaties, or
// $zicht.beheer), at the versie the asker expects, neither withdrawn nor expired on $vandaag;
// otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.organisaties is narrower than what the asker may see.
// params: {"delegatie": "onbekend", "verwachteVersie": 1, "vandaag": "2026-06-30", "eigenschappen": {"ingetrokkenOp": "2026-06-30T09:15:00.000Z", "ingetrokkenDoor": "gebruiker-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie {id: $delegatie})
WHERE $zicht.beheer OR v.id IN $zicht.organisaties
// Lock d before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET d:Delegatie
WITH d
WHERE d.versie = $verwachteVersie AND d.ingetrokkenOp IS NULL AND d.eindDatum >= $vandaag
SET d += $eigenschappen
SET d.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id, d.versie AS versie
