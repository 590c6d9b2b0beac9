// Registers a Gebruik and records the change (a Wijziging), in one statement. It matches only
// an organisation whose landscape the asker may change ($zicht.beheer, $zicht.wijzigbaar) or,
// with $samenwerking, a member gemeente of that samenwerking when the asker may change the
// samenwerking's landscape (it registers for its members, docs/access.md "Writes"); an
// application that organisation does not use yet and its leverancier has not retired (a concept
// one only where the asker sees it, as the catalogue does); every version (of that application),
// referentiecomponent and dienst (offered on that application, not retired) asked for. Otherwise it writes
// nothing and returns no row, and graph_api/domain/landschap/gebruik.py says why. Registered
// for a member, the samenwerking REGISTREERT it. The API made the id and every property.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "applicatie": "onbekend", "samenwerking": null, "versies": [], "referentiecomponenten": [], "diensten": [], "eigenschappen": {"id": "geb-onbekend", "status": "GEPLAND", "versie": 1}, "wijziging": {"id": "wij-onbekend", "actor": "gebruiker-onbekend", "actorOrganisatie": "onbekend", "organisatie": "onbekend", "tijdstip": "2026-06-30T09:15:00.000Z", "object": "geb-onbekend", "objectLabel": "Gebruik", "operatie": "AANGEMAAKT", "na": "{\"status\": \"GEPLAND\"}"}}
MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (:Gemeente {id: $organisatie})-[:DEELNEMER_VAN]->(s:Samenwerking)
WHERE s.id = $samenwerking AND s.id IN $zicht.wijzigbaar
WITH o, collect(s) AS namens
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar OR size(namens) > 0
MATCH (a:Applicatie {id: $applicatie})
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
  AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN'
OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a)
WITH o, namens, a, count(x) AS bestaand
WHERE bestaand = 0
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH o, namens, a, collect(v) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH o, namens, a, versies, collect(r) AS componenten
OPTIONAL MATCH (d:Dienst)-[:BIJ]->(a)
WHERE d.id IN $diensten AND coalesce(d.status, 'AANGEBODEN') <> 'INGETROKKEN'
WITH o, namens, a, versies, componenten, collect(d) AS diensten
WHERE size(versies) = size($versies) AND size(componenten) = size($referentiecomponenten)
  AND size(diensten) = size($diensten)
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $eigenschappen
FOREACH (v IN versies | CREATE (g)-[:VERSIE]->(v))
FOREACH (r IN componenten | CREATE (g)-[:VOOR]->(r))
FOREACH (d IN diensten | CREATE (g)-[:NEEMT_AF]->(d))
FOREACH (s IN namens | CREATE (s)-[:REGISTREERT]->(g))
CREATE (w:Wijziging)
SET w = $wijziging
RETURN g.id AS id, g.versie AS versie
