// Registers a Gebruik and records the change (a Wijziging), in one statement. It matches only
// an organisation whose landscape the asker may change ($zicht.beheer, $zicht.wijzigbaar), an
// application that organisation does not use yet, and every version (of that application) and
// referentiecomponent asked for; otherwise it writes nothing and returns no row, and
// graph_api/domain/landschap/gebruik.py says why. The API made the id and every property.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "applicatie": "onbekend", "versies": [], "referentiecomponenten": [], "eigenschappen": {"id": "geb-onbekend", "status": "GEPLAND", "versie": 1}, "wijziging": {"id": "wij-onbekend", "actor": "gebruiker-onbekend", "actorOrganisatie": "onbekend", "organisatie": "onbekend", "tijdstip": "2026-06-30T09:15:00.000Z", "object": "geb-onbekend", "objectLabel": "Gebruik", "operatie": "AANGEMAAKT", "na": "{\"status\": \"GEPLAND\"}"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
MATCH (a:Applicatie {id: $applicatie})
OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a)
WITH o, a, count(x) AS bestaand
WHERE bestaand = 0
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH o, a, collect(v) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH o, a, versies, collect(r) AS componenten
WHERE size(versies) = size($versies) AND size(componenten) = size($referentiecomponenten)
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $eigenschappen
FOREACH (v IN versies | CREATE (g)-[:VERSIE]->(v))
FOREACH (r IN componenten | CREATE (g)-[:VOOR]->(r))
CREATE (w:Wijziging)
SET w = $wijziging
RETURN g.id AS id, g.versie AS versie
