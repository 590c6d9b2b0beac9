// Changes an application and records the change (a Wijziging), in one statement: the
// properties in $eigenschappen (null removes one), the referentiecomponenten it realises when
// asked ($vervangComponenten: the list replaces them), versie one up. It matches only an
// application of a leverancier whose aanbod the asker may change ($zicht.aanbod, or
// $zicht.beheer), a concept only where the asker sees it, at the versie the asker expects, in
// one of $statussen (null: any; retiring names the status it comes from), with every
// referentiecomponent found; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"applicatie": "onbekend", "verwachteVersie": 1, "statussen": null, "referentiecomponenten": [], "vervangComponenten": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $applicatie})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
// Lock a before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET a:Applicatie
WITH a
WHERE coalesce(a.versie, 1) = $verwachteVersie
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
  AND ($statussen IS NULL OR a.status IN $statussen)
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH a, collect(r) AS componenten
WHERE size(componenten) = size($referentiecomponenten)
WITH a, componenten,
     CASE WHEN $vervangComponenten THEN [(a)-[x:REALISEERT]->() | x] ELSE [] END AS oud
FOREACH (x IN oud | DELETE x)
FOREACH (r IN componenten | CREATE (a)-[:REALISEERT]->(r))
SET a += $eigenschappen
SET a.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN a.id AS id, a.versie AS versie
