// Changes a koppeling and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one), the intermediary and the standard versions when asked
// ($vervangVia, $vervangStandaarden: they replace those recorded), versie one up. It matches
// only a koppeling of an organisation the asker may change, at the versie the asker expects, in
// one of $statussen (null: any; a status change names the statuses it may come from), with the
// intermediary in the same landscape and every standard version found; otherwise it writes
// nothing and returns no row. KOPPELT is written again the way the data now flows and the
// standard flags computed again, as seeding derives them (seed/koppelingen,
// koppeling/standaarden), whatever changed: a koppeling seeded with stale ones comes out right.
// KOPPELT is found from the VAN end one direction at a time: FalkorDB's undirected pattern
// comprehension missed the incoming ones.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"koppeling": "onbekend", "verwachteVersie": 1, "statussen": null, "via": null, "vervangVia": false, "standaardversies": [], "vervangStandaarden": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling {id: $koppeling})-[:NAAR]->(n)
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock k before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET k:Koppeling
WITH o, u, k, n
WHERE coalesce(k.versie, 1) = $verwachteVersie
  AND ($statussen IS NULL OR k.status IN $statussen)
OPTIONAL MATCH (o)-[:GEBRUIKT]->(via:Gebruik {id: $via})
WITH u, k, n, via
WHERE $via IS NULL OR via IS NOT NULL
OPTIONAL MATCH (sv:Standaardversie)
WHERE sv.id IN $standaardversies
OPTIONAL MATCH (sv)-[:VERSIE_VAN]->(s:Standaard)
WITH u, k, n, via, collect(DISTINCT sv) AS versies, collect(DISTINCT s.id) AS nieuwGevolgd
WHERE size(versies) = size($standaardversies)
WITH u, k, n, via, versies,
     coalesce($eigenschappen.richting, k.richting) AS richting,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
     [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     CASE WHEN $vervangStandaarden THEN nieuwGevolgd
          ELSE [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] END AS gevolgd,
     [(u)-[kr1:KOPPELT]->() WHERE kr1.koppelingId = k.id | kr1] +
     [(u)<-[kr2:KOPPELT]-() WHERE kr2.koppelingId = k.id | kr2] AS afgeleid,
     CASE WHEN $vervangStandaarden THEN [(k)-[x:VOLGENS]->() | x] ELSE [] END
     + CASE WHEN $vervangVia THEN [(k)-[y:VIA]->() | y] ELSE [] END AS oud
FOREACH (kr IN afgeleid | DELETE kr)
FOREACH (x IN oud | DELETE x)
FOREACH (v IN CASE WHEN $vervangStandaarden THEN versies ELSE [] END | CREATE (k)-[:VOLGENS]->(v))
FOREACH (i IN CASE WHEN $vervangVia AND via IS NOT NULL THEN [via] ELSE [] END | CREATE (k)-[:VIA]->(i))
FOREACH (_ IN CASE WHEN richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (u)-[:KOPPELT {koppelingId: $koppeling}]->(n))
FOREACH (_ IN CASE WHEN richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (n)-[:KOPPELT {koppelingId: $koppeling}]->(u))
SET k += $eigenschappen
SET k.versie = $verwachteVersie + 1,
    k.heeftVereisteStandaard = size(vereist) > 0,
    k.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN k.id AS id, k.versie AS versie
