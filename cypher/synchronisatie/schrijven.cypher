// Writes a sync's batch (graph_api/domain/landschap/synchronisatie.py) in one statement, or
// nothing: it matches only an organisation whose landscape the asker may change
// ($zicht.beheer, $zicht.wijzigbaar), every application of `$nieuw` (published or a concept
// the asker sees, not retired) that the organisation does not use yet, and every Gebruik of
// `$wijzig` at the versie the plan read (`$stand`: `id@versie`). Then it creates the Gebruik of
// `$nieuw`, sets the properties of `$wijzig` (null removes one) with versie one up, and
// creates a Wijziging per change. No row: something changed since the plan; nothing written.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "applicaties": [], "stand": [], "nieuw": [], "wijzig": [], "wijzigingen": []}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// One sync of a landscape at a time: the organisation locked (a label it has already, as
// gebruik/wijzigen locks g) before what it uses and their versies are read.
SET o:Organisatie
WITH o
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
  AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN'
WITH o, collect(a) AS apps
WHERE size(apps) = size($applicaties)
OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(b:Applicatie)
WHERE b.id IN $applicaties
WITH o, apps, count(x) AS bestaand
WHERE bestaand = 0
OPTIONAL MATCH (o)-[:GEBRUIKT]->(g:Gebruik)
WHERE g.id IN [w IN $wijzig | w.gebruik]
WITH o, apps, collect(g) AS bestaande
// Each locked before its versie is read, as gebruik/wijzigen does.
FOREACH (g IN bestaande | SET g:Gebruik)
WITH o, apps, bestaande
WHERE size([g IN bestaande WHERE (g.id + '@' + toString(coalesce(g.versie, 1))) IN $stand]) = size($stand)
FOREACH (n IN $nieuw |
  FOREACH (a IN [x IN apps WHERE x.id = n.applicatie] |
    CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
    SET g = n.eigenschappen))
FOREACH (w IN $wijzig |
  FOREACH (g IN [x IN bestaande WHERE x.id = w.gebruik] |
    SET g += w.eigenschappen, g.versie = w.verwachteVersie + 1))
FOREACH (r IN $wijzigingen | CREATE (x:Wijziging) SET x = r)
RETURN size($nieuw) AS aangemaakt, size($wijzig) AS gewijzigd
