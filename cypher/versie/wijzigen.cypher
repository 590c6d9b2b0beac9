// Changes a version and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one; a status change names the statuses it may come from in
// $statussen, null: any), versie (`wijzigingsversie`) one up. It matches only a version of an
// application of a leverancier whose aanbod the asker may change ($zicht.aanbod, or
// $zicht.beheer), a concept's only where the asker sees it, at the versie the asker expects,
// and a new number ($nummer, null: unchanged) no other version of the application has;
// otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"versie": "onbekend", "verwachteVersie": 1, "statussen": null, "nummer": null, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie {id: $versie})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Versie
WITH a, v
WHERE coalesce(v.wijzigingsversie, 1) = $verwachteVersie
  AND ($statussen IS NULL OR v.status IN $statussen)
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(x:Versie)
WHERE $nummer IS NOT NULL AND x.versie = $nummer AND x.id <> v.id
WITH v, count(x) AS dubbel
WHERE dubbel = 0
SET v += $eigenschappen
SET v.wijzigingsversie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.wijzigingsversie AS versie
