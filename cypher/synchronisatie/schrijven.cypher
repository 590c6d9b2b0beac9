// Writes a sync's batch (graph_api/domain/landschap/synchronisatie.py) in one statement, or
// nothing: it matches only an organisation whose landscape the asker may change
// ($zicht.beheer, $zicht.wijzigbaar), every application of `$nieuw` (published or a concept
// the asker sees, not retired) that the organisation does not use yet, every Gebruik of
// `$wijzig` at the versie the plan read (`$stand`: `id@versie`), every existing Gebruik a
// koppeling ends at (`$eindGebruik`), national facility (`$voorzieningen`) and standard
// version (`$standaardversies`), and every koppeling of `$koppelWijzig` in this landscape at
// the versie the plan read (`$koppelStand`). Every check comes before the first write. Then it
// creates the Gebruik of `$nieuw`, sets the properties of `$wijzig` (null removes one) with
// versie one up, creates the koppelingen of `$koppelNieuw` (their ends found among the
// Gebruik just created, `$nieuweEinden`, too) and sets those of `$koppelWijzig` with versie one
// up, writing what koppeling/registreren and koppeling/wijzigen write beside a koppeling:
// VOLGENS, KOPPELT the way the data flows (those of a changed koppeling written again) and the
// standard flags as koppeling/standaarden computes them; and a Wijziging per change. No row:
// something changed since the plan; nothing written.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "applicaties": [], "stand": [], "nieuw": [], "wijzig": [], "wijzigingen": [], "eindGebruik": [], "nieuweEinden": [], "voorzieningen": [], "standaardversies": [], "koppelStand": [], "koppelNieuw": [], "koppelWijzig": [], "koppelingen": []}
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
OPTIONAL MATCH (o)-[:GEBRUIKT]->(e:Gebruik)
WHERE e.id IN $eindGebruik
WITH o, apps, bestaande, collect(e) AS eindGebruik
WHERE size(eindGebruik) = size($eindGebruik)
OPTIONAL MATCH (v:BuitengemeentelijkeVoorziening)
WHERE v.id IN $voorzieningen
WITH o, apps, bestaande, eindGebruik, collect(v) AS voorzieningen
WHERE size(voorzieningen) = size($voorzieningen)
OPTIONAL MATCH (sv:Standaardversie)
WHERE sv.id IN $standaardversies
WITH o, apps, bestaande, eindGebruik, voorzieningen, collect(sv) AS versies
WHERE size(versies) = size($standaardversies)
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
WHERE k.id IN [w IN $koppelWijzig | w.koppeling]
WITH o, apps, bestaande, eindGebruik, voorzieningen, versies, collect(k) AS koppelingen
// Each locked before its versie is read, as koppeling/wijzigen does.
FOREACH (k IN koppelingen | SET k:Koppeling)
WITH o, apps, bestaande, eindGebruik, voorzieningen, versies, koppelingen
WHERE size([k IN koppelingen WHERE (k.id + '@' + toString(coalesce(k.versie, 1))) IN $koppelStand]) = size($koppelStand)
// What a changed koppeling had: KOPPELT from its VAN end, or to it from a facility (one
// direction at a time, as koppeling/wijzigen finds them), and its VOLGENS.
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)-[kr1:KOPPELT]->()
WHERE kr1.koppelingId IN [w IN $koppelWijzig | w.koppeling]
WITH o, apps, bestaande, eindGebruik, voorzieningen, versies, koppelingen, collect(kr1) AS uit
OPTIONAL MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[kr2:KOPPELT]-(:BuitengemeentelijkeVoorziening)
WHERE kr2.koppelingId IN [w IN $koppelWijzig | w.koppeling]
WITH o, apps, bestaande, eindGebruik, voorzieningen, versies, koppelingen, uit, collect(kr2) AS binnen
OPTIONAL MATCH (kv:Koppeling)-[vo:VOLGENS]->()
WHERE kv.id IN [w IN $koppelWijzig | w.koppeling]
WITH o, apps, bestaande, eindGebruik, voorzieningen, versies, koppelingen, uit, binnen, collect(vo) AS oud
FOREACH (item IN $nieuw |
  FOREACH (a IN [x IN apps WHERE x.id = item.applicatie] |
    CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
    SET g = item.eigenschappen))
FOREACH (w IN $wijzig |
  FOREACH (g IN [x IN bestaande WHERE x.id = w.gebruik] |
    SET g += w.eigenschappen, g.versie = w.verwachteVersie + 1))
FOREACH (r IN uit | DELETE r)
FOREACH (r IN binnen | DELETE r)
FOREACH (r IN oud | DELETE r)
WITH o, eindGebruik, voorzieningen, versies, koppelingen
OPTIONAL MATCH (o)-[:GEBRUIKT]->(ng:Gebruik)
WHERE ng.id IN $nieuweEinden
WITH eindGebruik, voorzieningen, versies, koppelingen, collect(ng) AS nieuweEinden
WITH eindGebruik + voorzieningen + nieuweEinden AS einden, versies, koppelingen
FOREACH (item IN $koppelNieuw |
  FOREACH (u IN [x IN einden WHERE x.id = item.van] |
    FOREACH (e IN [x IN einden WHERE x.id = item.naar] |
      CREATE (u)<-[:VAN]-(k:Koppeling)-[:NAAR]->(e)
      SET k = item.eigenschappen
      FOREACH (sv IN [x IN versies WHERE x.id IN item.standaardversies] | CREATE (k)-[:VOLGENS]->(sv))
      FOREACH (_ IN CASE WHEN item.eigenschappen.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
        CREATE (u)-[:KOPPELT {koppelingId: item.eigenschappen.id}]->(e))
      FOREACH (_ IN CASE WHEN item.eigenschappen.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
        CREATE (e)-[:KOPPELT {koppelingId: item.eigenschappen.id}]->(u)))))
FOREACH (w IN $koppelWijzig |
  FOREACH (k IN [x IN koppelingen WHERE x.id = w.koppeling] |
    SET k += w.eigenschappen, k.versie = w.verwachteVersie + 1
    FOREACH (sv IN [x IN versies WHERE x.id IN w.standaardversies] | CREATE (k)-[:VOLGENS]->(sv))
    FOREACH (u IN [x IN einden WHERE x.id = w.van] |
      FOREACH (e IN [x IN einden WHERE x.id = w.naar] |
        FOREACH (_ IN CASE WHEN k.richting IN ['HEEN', 'BEIDE'] THEN [1] ELSE [] END |
          CREATE (u)-[:KOPPELT {koppelingId: w.koppeling}]->(e))
        FOREACH (_ IN CASE WHEN k.richting IN ['TERUG', 'BEIDE'] THEN [1] ELSE [] END |
          CREATE (e)-[:KOPPELT {koppelingId: w.koppeling}]->(u))))))
FOREACH (r IN $wijzigingen | CREATE (x:Wijziging) SET x = r)
// The standard flags of every koppeling written, as koppeling/standaarden computes them.
WITH 1 AS geschreven
OPTIONAL MATCH (u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
WHERE k.id IN $koppelingen
WITH k,
     [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
     [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
     [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
WITH collect(CASE WHEN k IS NULL THEN NULL ELSE
  {k: k, heeft: size(vereist) > 0, volgt: any(s IN gevolgd WHERE s IN vereist)} END) AS vlaggen
FOREACH (r IN vlaggen | FOREACH (k IN [r.k] |
  SET k.heeftVereisteStandaard = r.heeft, k.volgtVereisteStandaard = r.volgt))
RETURN size($nieuw) AS aangemaakt, size($wijzig) AS gewijzigd, size($koppelingen) AS koppelingen
