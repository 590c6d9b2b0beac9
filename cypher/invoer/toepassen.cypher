// Applies an import's plan (graph_api/uitwisseling/invoer/toepassen.py) in one statement, so a
// file is written whole or not at all: Gebruik created and changed, their version and
// referentiecomponenten, koppelingen created and changed with what seeding derives beside them
// (KOPPELT the way the data flows, the standard flags), and a Wijziging per object changed.
// It matches only an organisation whose landscape the asker may change ($zicht.beheer,
// $zicht.wijzigbaar) and only while that landscape is exactly the one the plan read ($stand:
// every Gebruik and koppeling as id@versie) and every application and version the plan names
// exists; otherwise it writes nothing and returns no row (LANDSCAPE_CHANGED).
// A Gebruik or koppeling named by id is found by its id's index first, then tied to o: from o,
// every lookup walked o's whole landscape (2.7 s against 1.5 s for 750 objects).
// Every FOREACH that writes follows a WITH projecting the nodes it writes to: FalkorDB 4.16
// created new, empty nodes for them when a FOREACH followed a multi-hop OPTIONAL MATCH directly.
// Each step after the check keeps one row: a list that is empty unwinds as one empty map (or
// an empty id), which matches nothing, and `WITH o, count(*)` gathers the rows again.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "stand": [], "applicaties": [], "versies": [], "gebruikNieuw": [], "gebruikGewijzigd": [], "versieWeg": [], "versieBij": [], "componentWeg": [], "componentBij": [], "koppelingNieuw": [], "koppelingGewijzigd": [], "koppeltWeg": [], "koppeltBij": [], "viaWeg": [], "viaBij": [], "volgensWeg": [], "volgensBij": [], "wijzigingen": []}
MATCH (o:Organisatie {id: $organisatie})
WITH o
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock o before reading the landscape: a second import of it waits for this one on Neo4j
// (FalkorDB runs one write at a time anyway).
SET o:Organisatie
WITH o
OPTIONAL MATCH (o)-[:GEBRUIKT]->(g:Gebruik)
WITH o, collect(g.id + '@' + toString(coalesce(g.versie, 1))) AS gebruikStand
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
WITH o, gebruikStand, collect(k.id + '@' + toString(coalesce(k.versie, 1))) AS koppelingStand
WITH o, gebruikStand + koppelingStand AS stand
WHERE size(stand) = size($stand) AND all(s IN stand WHERE s IN $stand)
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN'
WITH o, count(DISTINCT a) AS applicaties
WHERE applicaties = size($applicaties)
OPTIONAL MATCH (v:Versie)
WHERE v.id IN $versies
WITH o, count(DISTINCT v) AS versies
WHERE versies = size($versies)
// Gebruik created, with their application.
UNWIND CASE WHEN size($gebruikNieuw) = 0 THEN [{}] ELSE $gebruikNieuw END AS nieuw
OPTIONAL MATCH (a:Applicatie {id: nieuw.applicatie})
WITH o, nieuw, a
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END |
  CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
  SET g = nieuw.eigenschappen)
WITH o, count(*) AS stap1
// Gebruik changed: the properties given (null removes one), versie one up.
UNWIND CASE WHEN size($gebruikGewijzigd) = 0 THEN [{}] ELSE $gebruikGewijzigd END AS anders
OPTIONAL MATCH (g:Gebruik {id: anders.id})<-[:GEBRUIKT]-(o)
WITH o, anders, g
FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END |
  SET g += anders.eigenschappen
  SET g.versie = anders.versie + 1)
WITH o, count(*) AS stap2
// Versions and referentiecomponenten replaced, then added.
UNWIND CASE WHEN size($versieWeg) = 0 THEN [''] ELSE $versieWeg END AS weg
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik {id: weg})-[x:VERSIE]->()
WITH o, collect(x) AS oud
FOREACH (x IN oud | DELETE x)
WITH o
UNWIND CASE WHEN size($versieBij) = 0 THEN [{}] ELSE $versieBij END AS bij
OPTIONAL MATCH (g:Gebruik {id: bij.gebruik})<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (v:Versie {id: bij.versie})
WITH o, g, v
FOREACH (_ IN CASE WHEN g IS NULL OR v IS NULL THEN [] ELSE [1] END | CREATE (g)-[:VERSIE]->(v))
WITH o, count(*) AS stap3
UNWIND CASE WHEN size($componentWeg) = 0 THEN [''] ELSE $componentWeg END AS weg
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik {id: weg})-[x:VOOR]->()
WITH o, collect(x) AS oud
FOREACH (x IN oud | DELETE x)
WITH o
UNWIND CASE WHEN size($componentBij) = 0 THEN [{}] ELSE $componentBij END AS bij
OPTIONAL MATCH (g:Gebruik {id: bij.gebruik})<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (r:Referentiecomponent {id: bij.component})
WITH o, g, r
FOREACH (_ IN CASE WHEN g IS NULL OR r IS NULL THEN [] ELSE [1] END | CREATE (g)-[:VOOR]->(r))
WITH o, count(*) AS stap4
// Koppelingen created, from a Gebruik of the landscape to another or to a national facility.
UNWIND CASE WHEN size($koppelingNieuw) = 0 THEN [{}] ELSE $koppelingNieuw END AS nieuw
OPTIONAL MATCH (u:Gebruik {id: nieuw.van})<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (ng:Gebruik {id: nieuw.naar})<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (nv:BuitengemeentelijkeVoorziening {id: nieuw.naar})
WITH o, nieuw, u, coalesce(ng, nv) AS n
FOREACH (_ IN CASE WHEN u IS NULL OR n IS NULL THEN [] ELSE [1] END |
  CREATE (u)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
  SET k = nieuw.eigenschappen)
WITH o, count(*) AS stap5
UNWIND CASE WHEN size($koppelingGewijzigd) = 0 THEN [{}] ELSE $koppelingGewijzigd END AS anders
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling {id: anders.id})
WITH o, anders, k
FOREACH (_ IN CASE WHEN k IS NULL THEN [] ELSE [1] END |
  SET k += anders.eigenschappen
  SET k.versie = anders.versie + 1)
WITH o, count(*) AS stap6
// KOPPELT again for the koppelingen created or turned, the way their data flows.
UNWIND CASE WHEN size($koppeltWeg) = 0 THEN [''] ELSE $koppeltWeg END AS weg
// Each OPTIONAL MATCH whole from o: one from a Gebruik it left unbound crashed FalkorDB 4.16.
OPTIONAL MATCH (o)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(:Koppeling {id: weg})-[:NAAR]->(n), (u)-[x:KOPPELT]->(n)
WHERE x.koppelingId = weg
OPTIONAL MATCH (o)-[:GEBRUIKT]->(u2:Gebruik)<-[:VAN]-(:Koppeling {id: weg})-[:NAAR]->(n2), (n2)-[y:KOPPELT]->(u2)
WHERE y.koppelingId = weg
WITH o, collect(DISTINCT x) AS heen, collect(DISTINCT y) AS terug
FOREACH (z IN heen + terug | DELETE z)
WITH o
UNWIND CASE WHEN size($koppeltBij) = 0 THEN [{}] ELSE $koppeltBij END AS bij
OPTIONAL MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(u:Gebruik)<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (k)-[:NAAR]->(n)
WITH o, bij, u, k, n
FOREACH (_ IN CASE WHEN k IS NOT NULL AND bij.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (u)-[:KOPPELT {koppelingId: bij.koppeling}]->(n))
FOREACH (_ IN CASE WHEN k IS NOT NULL AND bij.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
  CREATE (n)-[:KOPPELT {koppelingId: bij.koppeling}]->(u))
WITH o, count(*) AS stap7
// Intermediaries and standard versions replaced, then added.
UNWIND CASE WHEN size($viaWeg) = 0 THEN [''] ELSE $viaWeg END AS weg
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(:Koppeling {id: weg})-[x:VIA]->()
WITH o, collect(x) AS oud
FOREACH (x IN oud | DELETE x)
WITH o
UNWIND CASE WHEN size($viaBij) = 0 THEN [{}] ELSE $viaBij END AS bij
OPTIONAL MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(:Gebruik)<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (i:Gebruik {id: bij.via})<-[:GEBRUIKT]-(o)
WITH o, k, i
FOREACH (_ IN CASE WHEN k IS NULL OR i IS NULL THEN [] ELSE [1] END | CREATE (k)-[:VIA]->(i))
WITH o, count(*) AS stap8
UNWIND CASE WHEN size($volgensWeg) = 0 THEN [''] ELSE $volgensWeg END AS weg
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(:Koppeling {id: weg})-[x:VOLGENS]->()
WITH o, collect(x) AS oud
FOREACH (x IN oud | DELETE x)
WITH o
UNWIND CASE WHEN size($volgensBij) = 0 THEN [{}] ELSE $volgensBij END AS bij
OPTIONAL MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(:Gebruik)<-[:GEBRUIKT]-(o)
OPTIONAL MATCH (sv:Standaardversie {id: bij.standaardversie})
WITH o, k, sv
FOREACH (_ IN CASE WHEN k IS NULL OR sv IS NULL THEN [] ELSE [1] END | CREATE (k)-[:VOLGENS]->(sv))
WITH o, count(*) AS stap9
// The standard flags of every koppeling of the landscape, as koppeling/standaarden computes
// them: a component or a standard version may have changed at either end.
OPTIONAL MATCH (o)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
WITH o, k,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
     [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
FOREACH (kk IN CASE WHEN k IS NULL THEN [] ELSE [k] END |
  SET kk.heeftVereisteStandaard = size(vereist) > 0,
      kk.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist))
WITH o, count(*) AS stap10
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
// Counted per o: a count over no rows at all is one row of 0, which would have answered a
// failed check as "applied, 0 changes" instead of no row. A plan that changes anything has a
// record per object (graph_api/uitwisseling/invoer/toepassen.py), so o's row stays.
WITH o, count(w) AS wijzigingen
RETURN wijzigingen
