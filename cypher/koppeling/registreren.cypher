// Registers a koppeling and records the change (a Wijziging), in one statement. It matches only
// a VAN Gebruik of an organisation whose landscape the asker may change ($zicht.beheer,
// $zicht.wijzigbaar), a NAAR end that is a Gebruik of the same landscape or a national
// facility, an intermediary of the same landscape when one is asked for, and every standard
// version asked for; otherwise it writes nothing and returns no row, and
// graph_api/domain/landschap/koppeling.py says why. It writes what seeding derives beside a
// koppeling (seed/koppelingen, koppeling/standaarden): KOPPELT the way the data flows and the
// standard flags, from the same ends and versions, so no second statement can miss them.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"van": "onbekend", "naar": "onbekend", "via": null, "standaardversies": [], "eigenschappen": {"id": "kop-onbekend", "type": "API", "richting": "HEEN", "status": "IN_ONTWIKKELING", "versie": 1}, "wijziging": {"id": "wij-onbekend", "actor": "gebruiker-onbekend", "actorOrganisatie": "onbekend", "organisatie": "onbekend", "tijdstip": "2026-06-30T09:15:00.000Z", "object": "kop-onbekend", "objectLabel": "Koppeling", "operatie": "AANGEMAAKT", "na": "{\"type\": \"API\"}"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik {id: $van})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
OPTIONAL MATCH (o)-[:GEBRUIKT]->(ng:Gebruik {id: $naar})
WITH o, u, ng
OPTIONAL MATCH (nv:BuitengemeentelijkeVoorziening {id: $naar})
WITH o, u, ng, nv
OPTIONAL MATCH (o)-[:GEBRUIKT]->(via:Gebruik {id: $via})
WITH u, coalesce(ng, nv) AS n, via
WHERE n IS NOT NULL AND n.id <> u.id AND ($via IS NULL OR via IS NOT NULL)
OPTIONAL MATCH (sv:Standaardversie)
WHERE sv.id IN $standaardversies
OPTIONAL MATCH (sv)-[:VERSIE_VAN]->(s:Standaard)
WITH u, n, via, collect(DISTINCT sv) AS versies, collect(DISTINCT s.id) AS gevolgd
WHERE size(versies) = size($standaardversies)
// The standards GEMMA requires at either end, as koppeling/standaarden computes them.
WITH u, n, via, versies, gevolgd,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
     [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist
CREATE (k:Koppeling)
SET k = $eigenschappen
SET k.heeftVereisteStandaard = size(vereist) > 0,
    k.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist)
CREATE (k)-[:VAN]->(u)
CREATE (k)-[:NAAR]->(n)
FOREACH (i IN CASE WHEN via IS NULL THEN [] ELSE [via] END | CREATE (k)-[:VIA]->(i))
FOREACH (v IN versies | CREATE (k)-[:VOLGENS]->(v))
FOREACH (_ IN CASE WHEN $eigenschappen.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (u)-[:KOPPELT {koppelingId: $eigenschappen.id}]->(n))
FOREACH (_ IN CASE WHEN $eigenschappen.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (n)-[:KOPPELT {koppelingId: $eigenschappen.id}]->(u))
CREATE (w:Wijziging)
SET w = $wijziging
RETURN k.id AS id, k.versie AS versie
