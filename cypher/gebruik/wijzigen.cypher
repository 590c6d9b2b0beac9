// Changes a Gebruik and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one), the version, referentiecomponenten and diensten when asked
// ($vervangVersies, $vervangComponenten, $vervangDiensten: the lists replace them), versie one
// up. It matches only a Gebruik the asker may change: of an organisation in
// $zicht.wijzigbaar (or any, $zicht.beheer), or one a samenwerking in $zicht.wijzigbaar
// registered for a gemeente that is its member still; at the versie the asker expects, in one
// of $statussen (null: any; a status change names the statuses it may come from) and with
// every version, referentiecomponent and dienst (offered on its application) found; otherwise
// it writes nothing and returns no row. The standard flags of the koppelingen at g follow its
// components (koppeling/standaarden), in the same statement.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"gebruik": "onbekend", "verwachteVersie": 1, "statussen": null, "versies": [], "vervangVersies": false, "referentiecomponenten": [], "vervangComponenten": false, "diensten": [], "vervangDiensten": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})-[:VAN]->(a:Applicatie)
// Lock g before reading its versie. Neo4j reads without locks: two writes at the same expected
// versie both read it, the second waits for the first's lock only at its SET and then wrote too,
// acknowledged, the first's change lost (tests/graphql/test_gelijktijdig_schrijven.py). Setting
// a label g has already changes nothing but takes g's write lock, so the versie is read after
// any write holding it has committed. FalkorDB runs one write at a time anyway.
SET g:Gebruik
WITH o, g, a
WHERE coalesce(g.versie, 1) = $verwachteVersie
  AND ($statussen IS NULL OR g.status IN $statussen)
OPTIONAL MATCH (o)-[:DEELNEMER_VAN]->(s:Samenwerking)-[:REGISTREERT]->(g)
WHERE s.id IN $zicht.wijzigbaar
WITH o, g, a, count(s) AS namens
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar OR namens > 0
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH g, a, collect(v) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
OPTIONAL MATCH (r)-[vr:VEREIST]->(sr)
WHERE vr.rol = 'VERPLICHT'
WITH g, a, versies, collect(DISTINCT r) AS componenten, collect(DISTINCT sr.id) AS nieuwVereist
WITH g, a, versies, componenten, nieuwVereist, [(g)-[:NEEMT_AF]->(t) | t.id] AS genomen
// A retired dienst only where g takes it already: no new Gebruik of it, but it may be kept.
OPTIONAL MATCH (d:Dienst)-[:BIJ]->(a)
WHERE d.id IN $diensten
  AND (coalesce(d.status, 'AANGEBODEN') <> 'INGETROKKEN' OR d.id IN genomen)
WITH g, versies, componenten, nieuwVereist, collect(d) AS diensten
WHERE size(versies) = size($versies) AND size(componenten) = size($referentiecomponenten)
  AND size(diensten) = size($diensten)
// The standards GEMMA requires for the components g is used for, as they will be.
WITH g, versies, componenten, diensten,
     CASE WHEN $vervangComponenten THEN nieuwVereist
          ELSE [(g)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] END AS vereistG,
     CASE WHEN $vervangVersies THEN [(g)-[x:VERSIE]->() | x] ELSE [] END
     + CASE WHEN $vervangComponenten THEN [(g)-[y:VOOR]->() | y] ELSE [] END
     + CASE WHEN $vervangDiensten THEN [(g)-[z:NEEMT_AF]->() | z] ELSE [] END AS oud
FOREACH (x IN oud | DELETE x)
FOREACH (v IN versies | CREATE (g)-[:VERSIE]->(v))
FOREACH (r IN componenten | CREATE (g)-[:VOOR]->(r))
FOREACH (d IN diensten | CREATE (g)-[:NEEMT_AF]->(d))
SET g += $eigenschappen
SET g.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
// The standard flags of the koppelingen at g depend on its components: computed again as
// koppeling/standaarden does, from g's components as they now are and the other end's.
WITH g, vereistG
OPTIONAL MATCH (g)<-[:VAN|NAAR]-(k:Koppeling)-[:VAN|NAAR]->(andere)
WHERE andere.id <> g.id
WITH g, k,
     vereistG + [(andere)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id]
     + [(andere)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
FOREACH (kk IN CASE WHEN k IS NULL THEN [] ELSE [k] END |
  SET kk.heeftVereisteStandaard = size(vereist) > 0,
      kk.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist))
WITH g, count(k) AS koppelingen
RETURN g.id AS id, g.versie AS versie
