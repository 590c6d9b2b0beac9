// Registers a version of an application and records the change (a Wijziging), in one
// statement. It matches only an application of a leverancier whose aanbod the asker may change
// ($zicht.aanbod, or $zicht.beheer), a concept only where the asker sees it, that has no
// version with this number ($nummer) yet; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"applicatie": "onbekend", "nummer": "1.0", "eigenschappen": {"id": "ver-onbekend", "versie": "1.0", "status": "IN_ONTWIKKELING", "wijzigingsversie": 1}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $applicatie})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(x:Versie)
WHERE x.versie = $nummer
WITH a, count(x) AS bestaand
WHERE bestaand = 0
CREATE (a)-[:HEEFT_VERSIE]->(v:Versie)
SET v = $eigenschappen
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.wijzigingsversie AS versie
