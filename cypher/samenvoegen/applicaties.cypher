// Merges the application $duplicaat into $behouden, in one statement, for functioneel beheer
// only (graph_api/domain/aanbod/samenvoegen.py says what moves where and why):
// - Gebruik of the duplicate by an organisation not using the one kept ($verplaatst) move to
//   it (VAN), each one versie up;
// - an organisation using both ($paren) keeps one Gebruik, of the application kept: it takes
//   $paren[].eigenschappen (worked out from both), the duplicate Gebruik's components,
//   diensten, registering samenwerkingen, koppelingen (VAN, NAAR, VIA, and their KOPPELT),
//   the proposals it came from, and its version when it had none ($paren[].versie); the
//   duplicate Gebruik goes;
// - a version both have by number ($versieparen): the Gebruik running the duplicate's run the
//   kept one's, which takes the standards only the duplicate's supports (with their evidence);
//   the duplicate's goes. Its other versions move (HEEFT_VERSIE);
// - diensten (BIJ), referentiecomponenten (REALISEERT, with the GEMMA relation's id), modules
//   (ONDERDEEL_VAN), proposals (BETREFT), etalage items (TOONT), reviews (OVER) and interest
//   (INTERESSE_IN) move, each only once (a review or interest of an organisation that has one of
//   the kept application already goes); its own ONDERDEEL_VAN only
//   when the one kept is part of nothing; its leverancier's BIEDT_AAN goes (the same one
//   offers the one kept);
// - the standard flags of the koppelingen at a combined Gebruik follow its components, as
//   koppeling/standaarden computes them;
// - the duplicate becomes a SamengevoegdeApplicatie (id, naam, samengevoegdMet, samengevoegdOp)
//   without relationships, and markers of earlier merges into it point at the one kept;
// - a Wijziging for each change ($wijzigingen).
// It writes only at what the read before saw (cypher/samenvoegen/stand): every relationship of
// the duplicate ($standD), its Gebruik and those of the kept one by the same organisations at
// their versie ($gebruikD, $gebruikK), the kept one's versions ($versiesK); both applications
// and those Gebruik are locked first (SET of a label they have). Otherwise no row.
// zicht: a write; only $zicht.beheer may merge.
// params: {"duplicaat": "app-onbekend", "behouden": "app-onbekend-2", "standD": [], "gebruikD": [], "gebruikK": [], "versiesK": [], "organisaties": [], "verplaatst": [], "paren": [], "behoudenGebruik": [], "versieparen": [], "tijdstip": "2026-06-30T09:15:00.000Z", "door": "gebruiker-onbekend", "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (d:Applicatie {id: $duplicaat})
WHERE $zicht.beheer AND d.gemeldDoor IS NULL
MATCH (k:Applicatie {id: $behouden})
WHERE k.gemeldDoor IS NULL AND k.id <> d.id
SET d:Applicatie, k:Applicatie
WITH d, k
OPTIONAL MATCH (g0:Gebruik)-[:VAN]->(d)
WITH d, k, collect(g0) AS vanD
OPTIONAL MATCH (h0:Gebruik)-[:VAN]->(k)
WHERE h0.id IN $behoudenGebruik
WITH d, k, vanD, collect(h0) AS vanK
FOREACH (x IN vanD + vanK | SET x:Gebruik)
WITH d, k,
     [(d)-[r1]->(x1) | type(r1) + '>' + x1.id] + [(d)<-[r2]-(x2) | type(r2) + '<' + x2.id] AS standD,
     [(d)<-[:VAN]-(g3:Gebruik) | g3.id + '/' + toString(coalesce(g3.versie, 1))] AS gebruikD,
     [(k)<-[:VAN]-(g4:Gebruik)<-[:GEBRUIKT]-(o4) WHERE o4.id IN $organisaties
        | g4.id + '/' + toString(coalesce(g4.versie, 1))] AS gebruikK,
     [(k)-[:HEEFT_VERSIE]->(v5:Versie) | v5.id + '/' + v5.versie] AS versiesK
WHERE size(standD) = size($standD) AND all(s IN standD WHERE s IN $standD)
  AND size(gebruikD) = size($gebruikD) AND all(s IN gebruikD WHERE s IN $gebruikD)
  AND size(gebruikK) = size($gebruikK) AND all(s IN gebruikK WHERE s IN $gebruikK)
  AND size(versiesK) = size($versiesK) AND all(s IN versiesK WHERE s IN $versiesK)
// The Gebruik of organisations that do not use the one kept: they move to it.
OPTIONAL MATCH (g:Gebruik)-[van:VAN]->(d)
WHERE g.id IN $verplaatst
WITH d, k, collect(g) AS verplaatst, collect(van) AS oud
FOREACH (r IN oud | DELETE r)
FOREACH (g IN verplaatst |
  CREATE (g)-[:VAN]->(k)
  SET g.versie = coalesce(g.versie, 1) + 1, g.gewijzigdOp = $tijdstip, g.gewijzigdDoor = $door)
// An organisation using both: one Gebruik, the kept one's, with everything of the other.
WITH d, k
UNWIND CASE WHEN size($paren) = 0 THEN [null] ELSE $paren END AS paar
OPTIONAL MATCH (gd:Gebruik)-[:VAN]->(d)
WHERE gd.id = paar.duplicaat
OPTIONAL MATCH (gk:Gebruik)-[:VAN]->(k)
WHERE gk.id = paar.behouden
OPTIONAL MATCH (nv:Versie)<-[:HEEFT_VERSIE]-(a)
WHERE nv.id = paar.versie AND a.id IN [d.id, k.id]
WITH d, k, paar, gd, gk, nv,
     CASE WHEN gd IS NULL THEN [] ELSE [(gd)-[:VOOR]->(c6) | c6] END AS voorD,
     CASE WHEN gk IS NULL THEN [] ELSE [(gk)-[:VOOR]->(c7) | c7.id] END AS voorK,
     CASE WHEN gd IS NULL THEN [] ELSE [(gd)-[:NEEMT_AF]->(s8) | s8] END AS dienstenD,
     CASE WHEN gk IS NULL THEN [] ELSE [(gk)-[:NEEMT_AF]->(s9) | s9.id] END AS dienstenK,
     CASE WHEN gd IS NULL THEN [] ELSE [(w10)-[:REGISTREERT]->(gd) | w10] END AS registratiesD,
     CASE WHEN gk IS NULL THEN [] ELSE [(w11)-[:REGISTREERT]->(gk) | w11.id] END AS registratiesK,
     CASE WHEN gd IS NULL THEN [] ELSE [(gd)-[x12:KOPPELT]->() | x12] END AS uit,
     CASE WHEN gd IS NULL THEN [] ELSE [(gd)<-[x13:KOPPELT]-() | x13] END AS inkomend,
     CASE WHEN gd IS NULL THEN [] ELSE [(k14:Koppeling)-[:VAN]->(gd) | k14] END AS koppelingenVan,
     CASE WHEN gd IS NULL THEN [] ELSE [(k15:Koppeling)-[:NAAR]->(gd) | k15] END AS koppelingenNaar,
     CASE WHEN gd IS NULL THEN [] ELSE [(k16:Koppeling)-[:VIA]->(gd) | k16] END AS koppelingenVia,
     CASE WHEN gd IS NULL THEN [] ELSE [(p17:Gebruiksvoorstel)-[:WERD]->(gd) | p17] END AS voorstellen
FOREACH (c IN [x IN voorD WHERE NOT x.id IN voorK] | CREATE (gk)-[:VOOR]->(c))
FOREACH (s IN [x IN dienstenD WHERE NOT x.id IN dienstenK] | CREATE (gk)-[:NEEMT_AF]->(s))
FOREACH (w IN [x IN registratiesD WHERE NOT x.id IN registratiesK] | CREATE (w)-[:REGISTREERT]->(gk))
FOREACH (v IN CASE WHEN nv IS NULL THEN [] ELSE [nv] END | CREATE (gk)-[:VERSIE]->(v))
FOREACH (r IN uit | FOREACH (x IN [endNode(r)] | CREATE (gk)-[:KOPPELT {koppelingId: r.koppelingId}]->(x)))
FOREACH (r IN inkomend | FOREACH (x IN [startNode(r)] | CREATE (x)-[:KOPPELT {koppelingId: r.koppelingId}]->(gk)))
FOREACH (kv IN koppelingenVan | CREATE (kv)-[:VAN]->(gk))
FOREACH (kn IN koppelingenNaar | CREATE (kn)-[:NAAR]->(gk))
FOREACH (ki IN koppelingenVia | CREATE (ki)-[:VIA]->(gk))
FOREACH (p IN voorstellen | CREATE (p)-[:WERD]->(gk))
FOREACH (x IN CASE WHEN gk IS NULL THEN [] ELSE [gk] END |
  SET x += paar.eigenschappen
  SET x.versie = coalesce(x.versie, 1) + 1, x.gewijzigdOp = $tijdstip, x.gewijzigdDoor = $door)
FOREACH (x IN CASE WHEN gd IS NULL THEN [] ELSE [gd] END | DETACH DELETE x)
// A version both have: the kept one's stays.
WITH d, k, count(*) AS paren
UNWIND CASE WHEN size($versieparen) = 0 THEN [null] ELSE $versieparen END AS versiepaar
OPTIONAL MATCH (d)-[:HEEFT_VERSIE]->(vd:Versie)
WHERE vd.id = versiepaar.duplicaat
OPTIONAL MATCH (k)-[:HEEFT_VERSIE]->(vk:Versie)
WHERE vk.id = versiepaar.behouden
WITH d, k, vd, vk,
     CASE WHEN vd IS NULL THEN [] ELSE [(vd)<-[:VERSIE]-(g18) | g18] END AS draaiend,
     CASE WHEN vd IS NULL THEN [] ELSE [(vd)-[o19:ONDERSTEUNT]->() | o19] END AS ondersteuntD,
     CASE WHEN vk IS NULL THEN [] ELSE [(vk)-[:ONDERSTEUNT]->(s20) | s20.id] END AS ondersteuntK
FOREACH (g IN draaiend | CREATE (g)-[:VERSIE]->(vk))
FOREACH (o IN [x IN ondersteuntD WHERE NOT endNode(x).id IN ondersteuntK] |
  FOREACH (s IN [endNode(o)] | CREATE (vk)-[n:ONDERSTEUNT]->(s) SET n = properties(o)))
FOREACH (x IN CASE WHEN vd IS NULL THEN [] ELSE [vd] END | DETACH DELETE x)
// Everything else pointing at the duplicate, or from it, moves; then it has no relationship.
WITH d, k, count(*) AS versieparen
WITH d, k,
     [(d)-[h21:HEEFT_VERSIE]->() | h21] AS versies,
     [(d)-[r22:REALISEERT]->() | r22] AS realiseertD,
     [(k)-[:REALISEERT]->(c23) | c23.id] AS realiseertK,
     [(m24:Applicatie)-[:ONDERDEEL_VAN]->(d) | m24] AS modulesD,
     [(m25:Applicatie)-[:ONDERDEEL_VAN]->(k) | m25.id] AS modulesK,
     [(d)-[:ONDERDEEL_VAN]->(p26:Applicatie) | p26] AS productD,
     [(k)-[:ONDERDEEL_VAN]->(p27:Applicatie) | p27.id] AS productK,
     [(s28:Dienst)-[:BIJ]->(d) | s28] AS dienstenD,
     [(s29:Dienst)-[:BIJ]->(k) | s29.id] AS dienstenK,
     [(v30:Gebruiksvoorstel)-[:BETREFT]->(d) | v30] AS voorstellen,
     [(e33:EtalageItem)-[:TOONT]->(d) | e33] AS etalage,
     [(o34)-[:SCHREEF]->(b34:Beoordeling)-[:OVER]->(d) | [b34, o34.id]] AS beoordelingenD,
     [(o35)-[:SCHREEF]->(:Beoordeling)-[:OVER]->(k) | o35.id] AS beoordelaarsK,
     [(g36)<-[:GETOOND_DOOR]-(i36:Interesse)-[:INTERESSE_IN]->(d) | [i36, g36.id]] AS interesseD,
     [(g37)<-[:GETOOND_DOOR]-(:Interesse)-[:INTERESSE_IN]->(k) | g37.id] AS geinteresseerdK
FOREACH (h IN versies | FOREACH (v IN [endNode(h)] | CREATE (k)-[:HEEFT_VERSIE]->(v)))
FOREACH (r IN [x IN realiseertD WHERE NOT endNode(x).id IN realiseertK] |
  FOREACH (c IN [endNode(r)] | CREATE (k)-[n:REALISEERT]->(c) SET n = properties(r)))
FOREACH (m IN [x IN modulesD WHERE x.id <> k.id AND NOT x.id IN modulesK] | CREATE (m)-[:ONDERDEEL_VAN]->(k))
FOREACH (p IN CASE WHEN size(productK) = 0 THEN [x IN productD WHERE x.id <> k.id] ELSE [] END |
  CREATE (k)-[:ONDERDEEL_VAN]->(p))
FOREACH (s IN [x IN dienstenD WHERE NOT x.id IN dienstenK] | CREATE (s)-[:BIJ]->(k))
FOREACH (v IN voorstellen | CREATE (v)-[:BETREFT]->(k))
FOREACH (e IN etalage | CREATE (e)-[:TOONT]->(k))
// One review and one interest per organisation per application: the kept one's stays.
FOREACH (p IN [x IN beoordelingenD WHERE NOT x[1] IN beoordelaarsK] | FOREACH (b IN [p[0]] | CREATE (b)-[:OVER]->(k)))
FOREACH (p IN [x IN beoordelingenD WHERE x[1] IN beoordelaarsK] | FOREACH (b IN [p[0]] | DETACH DELETE b))
FOREACH (p IN [x IN interesseD WHERE NOT x[1] IN geinteresseerdK] | FOREACH (i IN [p[0]] | CREATE (i)-[:INTERESSE_IN]->(k)))
FOREACH (p IN [x IN interesseD WHERE x[1] IN geinteresseerdK] | FOREACH (i IN [p[0]] | DETACH DELETE i))
WITH d, k, [(d)-[r31]->() | r31] + [(d)<-[r32]-() | r32] AS weg
FOREACH (r IN weg | DELETE r)
// The duplicate stays behind as a marker; earlier markers now point at the one kept.
WITH d, k
OPTIONAL MATCH (m:SamengevoegdeApplicatie {samengevoegdMet: d.id})
WITH d, k, collect(m) AS eerder
FOREACH (m IN eerder | SET m.samengevoegdMet = k.id)
REMOVE d:Applicatie
SET d:SamengevoegdeApplicatie
SET d = {id: d.id, naam: d.naam, samengevoegdMet: k.id, samengevoegdOp: $tijdstip}
// The standard flags of the koppelingen at a combined Gebruik, as in gebruik/wijzigen.
WITH k
OPTIONAL MATCH (g:Gebruik)<-[:VAN|NAAR]-(kk:Koppeling)-[:VAN|NAAR]->(andere)
WHERE g.id IN $behoudenGebruik AND andere.id <> g.id
WITH k, kk,
     [(g)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id]
     + [(andere)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id]
     + [(andere)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] AS vereist,
     [(kk)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] AS gevolgd
FOREACH (x IN CASE WHEN kk IS NULL THEN [] ELSE [kk] END |
  SET x.heeftVereisteStandaard = size(vereist) > 0,
      x.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist))
WITH k, count(kk) AS koppelingen
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH k, count(w) AS records
RETURN k.id AS id
