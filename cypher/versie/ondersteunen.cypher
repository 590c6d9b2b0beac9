// Records that a version supports a standard version, with the evidence (ONDERSTEUNT {bewijs},
// null: none), or changes the evidence of one recorded ($nieuw: false), and records the change
// (a Wijziging), in one statement; the version's versie (`wijzigingsversie`) one up. It matches
// only a version of an application of a leverancier whose aanbod the asker may change
// ($zicht.aanbod, or $zicht.beheer), a concept's only where the asker sees it, at the versie
// the asker expects, a standard version that exists, and a support recorded already exactly
// when it is not $nieuw; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"versie": "onbekend", "verwachteVersie": 1, "standaardversie": "onbekend", "nieuw": true, "bewijs": null, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie {id: $versie})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Versie
WITH v
WHERE coalesce(v.wijzigingsversie, 1) = $verwachteVersie
MATCH (s:Standaardversie {id: $standaardversie})
OPTIONAL MATCH (v)-[o:ONDERSTEUNT]->(s)
WITH v, s, collect(o) AS bestaand
WHERE size(bestaand) = CASE WHEN $nieuw THEN 0 ELSE 1 END
FOREACH (x IN CASE WHEN $nieuw THEN [s] ELSE [] END | CREATE (v)-[n:ONDERSTEUNT]->(x) SET n.bewijs = $bewijs)
FOREACH (o IN bestaand | SET o.bewijs = $bewijs)
SET v += $eigenschappen
SET v.wijzigingsversie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.wijzigingsversie AS versie
