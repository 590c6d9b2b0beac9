// Applies an import's plan (graph_api/uitwisseling/invoer/toepassen.py) in one statement, so a
// file is written whole or not at all: Gebruik created and changed, their version and
// referentiecomponenten, koppelingen created and changed with what seeding derives beside them
// (KOPPELT the way the data flows, the standard flags), and a Wijziging per object changed.
// It matches only an organisation whose landscape the asker may change ($zicht.beheer,
// $zicht.wijzigbaar) and only while that landscape is exactly the one the plan read ($stand:
// every Gebruik and koppeling as id@versie) and every application and version the plan names
// exists; otherwise it writes nothing and returns no row (LANDSCAPE_CHANGED).
// Neo4j's form of toepassen.cypher, the same parameters and the same writes. On Neo4j 5.26 the
// portable text did not use the Gebruik and Koppeling id's unique index: with o bound, the
// planner found every `(g:Gebruik {id: x})<-[:GEBRUIKT]-(o)` by walking o's landscape per row
// (OptionalExpand from o, ~470,000 db hits per Gebruik step for GM0014's 482 Gebruik) and every
// koppeling by o -> Gebruik -> Koppeling (~150,000 rows per step). Here a Gebruik or koppeling is
// matched by its id alone (a node not yet bound: only the index finds it) and tied to o by a
// predicate on the one node found (`WHERE (o)-[:GEBRUIKT]->(g)`, an Expand(Into)): executing
// it took 1.8 s against 6.2 s (482 Gebruik, 276 koppelingen, test server). Planning this long
// statement takes Neo4j 8-10 s either way (2 busy cores); the plan is cached after that.
// Each step is a unit CALL subquery over its own list: the outer query keeps its one row, an
// empty list writes nothing (no [{}] placeholders, no FOREACH), and a step ends before the
// next begins, so removals precede additions as in the portable text.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "stand": [], "applicaties": [], "versies": [], "gebruikNieuw": [], "gebruikGewijzigd": [], "versieWeg": [], "versieBij": [], "componentWeg": [], "componentBij": [], "koppelingNieuw": [], "koppelingGewijzigd": [], "koppeltWeg": [], "koppeltBij": [], "viaWeg": [], "viaBij": [], "volgensWeg": [], "volgensBij": [], "wijzigingen": []}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock o before reading the landscape: a second import of it waits for this one.
SET o:Organisatie
WITH o
// The check: the landscape as the plan read it, every application and version still there.
WITH o,
     COLLECT { MATCH (o)-[:GEBRUIKT]->(g:Gebruik)
               RETURN g.id + '@' + toString(coalesce(g.versie, 1)) } +
     COLLECT { MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
               RETURN k.id + '@' + toString(coalesce(k.versie, 1)) } AS stand
WHERE size(stand) = size($stand) AND all(s IN stand WHERE s IN $stand)
  AND COUNT { MATCH (a:Applicatie)
              WHERE a.id IN $applicaties AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN' }
      = size($applicaties)
  AND COUNT { MATCH (v:Versie) WHERE v.id IN $versies } = size($versies)
// Gebruik created, with their application.
CALL {
  WITH o
  UNWIND $gebruikNieuw AS nieuw
  MATCH (a:Applicatie {id: nieuw.applicatie})
  CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
  SET g = nieuw.eigenschappen
}
// Gebruik changed: the properties given (null removes one), versie one up.
CALL {
  WITH o
  UNWIND $gebruikGewijzigd AS anders
  MATCH (g:Gebruik {id: anders.id})
  WHERE (o)-[:GEBRUIKT]->(g)
  SET g += anders.eigenschappen
  SET g.versie = anders.versie + 1
}
// Versions and referentiecomponenten replaced, then added.
CALL {
  WITH o
  UNWIND $versieWeg AS weg
  MATCH (g:Gebruik {id: weg})-[x:VERSIE]->()
  WHERE (o)-[:GEBRUIKT]->(g)
  DELETE x
}
CALL {
  WITH o
  UNWIND $versieBij AS bij
  MATCH (g:Gebruik {id: bij.gebruik})
  WHERE (o)-[:GEBRUIKT]->(g)
  MATCH (v:Versie {id: bij.versie})
  CREATE (g)-[:VERSIE]->(v)
}
CALL {
  WITH o
  UNWIND $componentWeg AS weg
  MATCH (g:Gebruik {id: weg})-[x:VOOR]->()
  WHERE (o)-[:GEBRUIKT]->(g)
  DELETE x
}
CALL {
  WITH o
  UNWIND $componentBij AS bij
  MATCH (g:Gebruik {id: bij.gebruik})
  WHERE (o)-[:GEBRUIKT]->(g)
  MATCH (r:Referentiecomponent {id: bij.component})
  CREATE (g)-[:VOOR]->(r)
}
// Koppelingen created, from a Gebruik of the landscape to another or to a national facility.
CALL {
  WITH o
  UNWIND $koppelingNieuw AS nieuw
  MATCH (u:Gebruik {id: nieuw.van})
  WHERE (o)-[:GEBRUIKT]->(u)
  OPTIONAL MATCH (ng:Gebruik {id: nieuw.naar})
  WHERE (o)-[:GEBRUIKT]->(ng)
  OPTIONAL MATCH (nv:BuitengemeentelijkeVoorziening {id: nieuw.naar})
  WITH nieuw, u, coalesce(ng, nv) AS n
  WHERE n IS NOT NULL
  CREATE (u)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
  SET k = nieuw.eigenschappen
}
CALL {
  WITH o
  UNWIND $koppelingGewijzigd AS anders
  MATCH (k:Koppeling {id: anders.id})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  SET k += anders.eigenschappen
  SET k.versie = anders.versie + 1
}
// KOPPELT again for the koppelingen created or turned, the way their data flows: either way
// removed, then one subquery per way added.
CALL {
  WITH o
  UNWIND $koppeltWeg AS weg
  MATCH (k:Koppeling {id: weg})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (k)-[:NAAR]->(n)
  MATCH (u)-[x:KOPPELT]-(n)
  WHERE x.koppelingId = weg
  WITH DISTINCT x
  DELETE x
}
CALL {
  WITH o
  UNWIND [b IN $koppeltBij WHERE b.richting IN ['HEEN', 'BEIDE']] AS bij
  MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (k)-[:NAAR]->(n)
  CREATE (u)-[:KOPPELT {koppelingId: bij.koppeling}]->(n)
}
CALL {
  WITH o
  UNWIND [b IN $koppeltBij WHERE b.richting IN ['TERUG', 'BEIDE']] AS bij
  MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (k)-[:NAAR]->(n)
  CREATE (n)-[:KOPPELT {koppelingId: bij.koppeling}]->(u)
}
// Intermediaries and standard versions replaced, then added.
CALL {
  WITH o
  UNWIND $viaWeg AS weg
  MATCH (k:Koppeling {id: weg})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (k)-[x:VIA]->()
  DELETE x
}
CALL {
  WITH o
  UNWIND $viaBij AS bij
  MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (i:Gebruik {id: bij.via})
  WHERE (o)-[:GEBRUIKT]->(i)
  CREATE (k)-[:VIA]->(i)
}
CALL {
  WITH o
  UNWIND $volgensWeg AS weg
  MATCH (k:Koppeling {id: weg})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (k)-[x:VOLGENS]->()
  DELETE x
}
CALL {
  WITH o
  UNWIND $volgensBij AS bij
  MATCH (k:Koppeling {id: bij.koppeling})-[:VAN]->(u:Gebruik)
  WHERE (o)-[:GEBRUIKT]->(u)
  MATCH (sv:Standaardversie {id: bij.standaardversie})
  CREATE (k)-[:VOLGENS]->(sv)
}
// The standard flags of every koppeling of the landscape, as koppeling/standaarden computes
// them: a component or a standard version may have changed at either end. One walk of the
// landscape for the whole statement.
CALL {
  WITH o
  MATCH (o)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
  WITH k,
       [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id] +
       [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id] +
       [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
       [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
  SET k.heeftVereisteStandaard = size(vereist) > 0,
      k.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist)
}
// The count in a subquery: one row per o, 0 for no records; no o (the check failed), no row.
CALL {
  WITH o
  UNWIND $wijzigingen AS wijziging
  CREATE (w:Wijziging)
  SET w = wijziging
  RETURN count(w) AS wijzigingen
}
RETURN wijzigingen
