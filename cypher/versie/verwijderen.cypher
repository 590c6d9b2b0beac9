// Deletes a version (and what it supports) and records the change (a Wijziging), in one
// statement. It matches only a version of an application of a leverancier whose aanbod the
// asker may change ($zicht.aanbod, or $zicht.beheer), a concept's only where the asker sees
// it, at the versie the asker expects, and that no Gebruik runs; otherwise it writes nothing
// and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"versie": "onbekend", "verwachteVersie": 1, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie {id: $versie})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Versie
WITH v
WHERE coalesce(v.wijzigingsversie, 1) = $verwachteVersie
OPTIONAL MATCH (v)<-[:VERSIE]-(g:Gebruik)
WITH v, count(g) AS gebruik
WHERE gebruik = 0
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE v
RETURN $versie AS id
