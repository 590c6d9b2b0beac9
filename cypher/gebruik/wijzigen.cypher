// Changes a Gebruik and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one), the version and referentiecomponenten when asked
// ($vervangVersies, $vervangComponenten: the lists replace them), versie one up. It matches only a Gebruik of an
// organisation the asker may change, at the versie the asker expects, in one of $statussen
// (null: any; a status change names the statuses it may come from) and with every version and
// referentiecomponent found; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"gebruik": "onbekend", "verwachteVersie": 1, "statussen": null, "versies": [], "vervangVersies": false, "referentiecomponenten": [], "vervangComponenten": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})-[:VAN]->(a:Applicatie)
WHERE ($zicht.beheer OR o.id IN $zicht.wijzigbaar)
  AND coalesce(g.versie, 1) = $verwachteVersie
  AND ($statussen IS NULL OR g.status IN $statussen)
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH g, collect(v) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH g, versies, collect(r) AS componenten
WHERE size(versies) = size($versies) AND size(componenten) = size($referentiecomponenten)
WITH g, versies, componenten,
     CASE WHEN $vervangVersies THEN [(g)-[x:VERSIE]->() | x] ELSE [] END
     + CASE WHEN $vervangComponenten THEN [(g)-[y:VOOR]->() | y] ELSE [] END AS oud
FOREACH (x IN oud | DELETE x)
FOREACH (v IN versies | CREATE (g)-[:VERSIE]->(v))
FOREACH (r IN componenten | CREATE (g)-[:VOOR]->(r))
SET g += $eigenschappen
SET g.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN g.id AS id, g.versie AS versie
