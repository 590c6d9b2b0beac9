// Deletes an application with its versions (and what they support) and records the change (a
// Wijziging), in one statement. It matches only an application of a leverancier whose aanbod
// the asker may change ($zicht.aanbod, or $zicht.beheer), a concept only where the asker sees
// it, at the versie the asker expects, and only when nothing uses it: no Gebruik (and so no
// koppeling, which joins Gebruik), no module, no Gebruiksvoorstel, no dienst offered on it.
// Otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"applicatie": "onbekend", "verwachteVersie": 1, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $applicatie})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
// Lock a before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET a:Applicatie
WITH a
WHERE coalesce(a.versie, 1) = $verwachteVersie
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (a)<-[:VAN]-(g:Gebruik)
WITH a, count(g) AS gebruik
OPTIONAL MATCH (a)<-[:ONDERDEEL_VAN]-(m:Applicatie)
WITH a, gebruik, count(m) AS modules
OPTIONAL MATCH (a)<-[:BETREFT]-(x:Gebruiksvoorstel)
WITH a, gebruik, modules, count(x) AS voorstellen
OPTIONAL MATCH (a)<-[:BIJ]-(d:Dienst)
WITH a, gebruik, modules, voorstellen, count(d) AS diensten
WHERE gebruik + modules + voorstellen + diensten = 0
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WITH a, collect(v) AS versies
FOREACH (v IN versies | DETACH DELETE v)
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE a
RETURN $applicatie AS id
