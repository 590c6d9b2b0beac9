// Applies a herindeling in one statement, for functioneel beheer only
// (graph_api/domain/organisaties/herindeling.py worked out the plan and says why):
// - the gemeenten involved ($betrokken: those dissolved, $opgeheven, and an existing one kept)
//   are locked (SET of a label they have), and it writes only when their Gebruik, koppelingen
//   (at their versie), memberships and neighbours are what the plan read ($stand), and a new
//   gemeente's id and CBS code ($doel) are free; otherwise nothing, and no row;
// - a new gemeente ($nieuw) is created, or the existing one ($doel) kept;
// - re-pointed koppelingen ($koppelingen) get their ends and intermediary anew and their
//   KOPPELT the way their data flows; duplicates leave their standards to the one kept
//   ($volgens); those that connect nothing or duplicate another ($vervallen) go;
// - Gebruik of one application become the one kept ($paren): it takes the fields worked out,
//   the components, diensten, registering samenwerkingen and version not yet its own and the
//   proposals it came from; the others go;
// - the Gebruik of the dissolved gemeenten kept ($verplaatst) move to the gemeente kept;
// - people ($leden) keep one membership there with their roles united; memberships of
//   samenwerkingen and communities ($deelnames) and neighbours ($buren) move;
// - the dissolved gemeenten become OpgehevenGemeente, OPGEGAAN_IN the one kept, which gets
//   their inhabitants and area; the standard flags of the koppelingen whose ends changed
//   ($herberekend) are computed as koppeling/standaarden does;
// - a Wijziging for each change ($wijzigingen).
// zicht: a write; only $zicht.beheer may apply a herindeling.
// params: {"betrokken": ["GM-onbekend"], "opgeheven": [], "doel": "GM-onbekend", "nieuw": null, "stand": [], "datum": "2027-01-01", "inwoners": 0, "oppervlakteKm2": null, "paren": [], "behoudenGebruik": [], "verplaatst": [], "koppelingen": [], "vervallen": [], "volgens": [], "herberekend": [], "deelnames": [], "leden": [], "buren": [], "tijdstip": "2026-06-30T09:15:00.000Z", "door": "gebruiker-onbekend", "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (o:Gemeente)
WHERE $zicht.beheer AND o.id IN $betrokken
SET o:Gemeente
WITH collect(o) AS os
WHERE size(os) = size($betrokken)
UNWIND os AS o
WITH o,
     [(o)-[:GEBRUIKT]->(g1:Gebruik) | 'g:' + g1.id + '/' + toString(coalesce(g1.versie, 1))]
     + [(o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN|NAAR]-(k2:Koppeling) | 'k:' + k2.id + '/' + toString(coalesce(k2.versie, 1))]
     + [(u3:Gebruiker)-[l3:LID_VAN]->(o) | 'l:' + u3.id + '/' + toString(coalesce(l3.versie, 1))]
     + [(o)-[:DEELNEMER_VAN]->(d4:Organisatie) | 'd:' + d4.id]
     + [(o)-[:GRENST_AAN]-(b5:Gemeente) | 'b:' + b5.id] AS delen
WITH collect(delen) AS lijsten
WITH reduce(alle = [], d IN lijsten | alle + d) AS stand
WHERE size(stand) = size($stand) AND all(s IN stand WHERE s IN $stand)
OPTIONAL MATCH (x:Organisatie)
WHERE $nieuw IS NOT NULL AND (x.id = $doel OR ((x:Gemeente OR x:OpgehevenGemeente) AND x.cbsCode = $doel))
// Grouped by what was checked: a count alone would answer a row when the check left none.
WITH size(stand) AS gelezen, count(x) AS bezet
WHERE bezet = 0
FOREACH (n IN CASE WHEN $nieuw IS NULL THEN [] ELSE [$nieuw] END |
  CREATE (g:Organisatie:Gemeente)
  SET g = n)
WITH 1 AS een
MATCH (doel:Gemeente {id: $doel})
// Koppelingen re-pointed.
WITH doel
UNWIND CASE WHEN size($koppelingen) = 0 THEN [null] ELSE $koppelingen END AS kp
OPTIONAL MATCH (k:Koppeling {id: kp.id})
OPTIONAL MATCH (nv:Gebruik {id: kp.van})
OPTIONAL MATCH (ng:Gebruik {id: kp.naar})
OPTIONAL MATCH (nb:BuitengemeentelijkeVoorziening {id: kp.naar})
OPTIONAL MATCH (ni:Gebruik {id: kp.via})
WITH doel, k, nv, coalesce(ng, nb) AS nn, ni,
     CASE WHEN k IS NULL THEN [] ELSE [(k)-[r1:VAN|NAAR|VIA]->() | r1] END AS enden,
     CASE WHEN k IS NULL THEN []
          ELSE [(k)-[:VAN|NAAR]->()-[r2:KOPPELT]->() WHERE r2.koppelingId = k.id | r2] END AS koppelt
FOREACH (r IN enden + koppelt | DELETE r)
FOREACH (x IN CASE WHEN k IS NULL THEN [] ELSE [k] END |
  CREATE (x)-[:VAN]->(nv)
  CREATE (x)-[:NAAR]->(nn)
  SET x.versie = coalesce(x.versie, 1) + 1, x.gewijzigdOp = $tijdstip, x.gewijzigdDoor = $door)
FOREACH (x IN CASE WHEN k IS NULL OR ni IS NULL THEN [] ELSE [k] END | CREATE (x)-[:VIA]->(ni))
FOREACH (x IN CASE WHEN k IS NOT NULL AND k.richting IN ['HEEN', 'BEIDE'] THEN [k] ELSE [] END |
  CREATE (nv)-[:KOPPELT {koppelingId: x.id}]->(nn))
FOREACH (x IN CASE WHEN k IS NOT NULL AND k.richting IN ['TERUG', 'BEIDE'] THEN [k] ELSE [] END |
  CREATE (nn)-[:KOPPELT {koppelingId: x.id}]->(nv))
// The standards of duplicates to the one kept; the duplicates and those connecting nothing go.
WITH doel, count(*) AS omgelegd
UNWIND CASE WHEN size($volgens) = 0 THEN [null] ELSE $volgens END AS vg
OPTIONAL MATCH (kk:Koppeling {id: vg.koppeling})
OPTIONAL MATCH (s:Standaardversie)
WHERE s.id IN vg.standaarden
FOREACH (x IN CASE WHEN kk IS NULL OR s IS NULL THEN [] ELSE [kk] END | CREATE (x)-[:VOLGENS]->(s))
WITH doel, count(*) AS gevolgd
OPTIONAL MATCH (kv:Koppeling)
WHERE kv.id IN $vervallen
WITH doel, kv,
     CASE WHEN kv IS NULL THEN []
          ELSE [(kv)-[:VAN|NAAR]->()-[r3:KOPPELT]->() WHERE r3.koppelingId = kv.id | r3] END AS koppelt
FOREACH (r IN koppelt | DELETE r)
FOREACH (x IN CASE WHEN kv IS NULL THEN [] ELSE [kv] END | DETACH DELETE x)
// Gebruik of one application: one, the one kept.
WITH doel, count(*) AS vervallen
UNWIND CASE WHEN size($paren) = 0 THEN [null] ELSE $paren END AS paar
OPTIONAL MATCH (gk:Gebruik {id: paar.behouden})
OPTIONAL MATCH (c:Referentiecomponent)
WHERE c.id IN paar.voor
WITH doel, paar, gk, collect(c) AS voor
OPTIONAL MATCH (s:Dienst)
WHERE s.id IN paar.diensten
WITH doel, paar, gk, voor, collect(s) AS diensten
OPTIONAL MATCH (w:Samenwerking)
WHERE w.id IN paar.registraties
WITH doel, paar, gk, voor, diensten, collect(w) AS registraties
OPTIONAL MATCH (p:Gebruiksvoorstel)-[:WERD]->(gd:Gebruik)
WHERE gd.id IN paar.weg
WITH doel, paar, gk, voor, diensten, registraties, collect(p) AS voorstellen
OPTIONAL MATCH (v:Versie {id: paar.versie})
FOREACH (c IN CASE WHEN gk IS NULL THEN [] ELSE voor END | CREATE (gk)-[:VOOR]->(c))
FOREACH (s IN CASE WHEN gk IS NULL THEN [] ELSE diensten END | CREATE (gk)-[:NEEMT_AF]->(s))
FOREACH (w IN CASE WHEN gk IS NULL THEN [] ELSE registraties END | CREATE (w)-[:REGISTREERT]->(gk))
FOREACH (p IN CASE WHEN gk IS NULL THEN [] ELSE voorstellen END | CREATE (p)-[:WERD]->(gk))
FOREACH (x IN CASE WHEN gk IS NULL OR v IS NULL THEN [] ELSE [v] END | CREATE (gk)-[:VERSIE]->(x))
FOREACH (x IN CASE WHEN gk IS NULL THEN [] ELSE [gk] END |
  SET x += paar.eigenschappen
  SET x.versie = coalesce(x.versie, 1) + 1, x.gewijzigdOp = $tijdstip, x.gewijzigdDoor = $door)
WITH doel, paar
OPTIONAL MATCH (gd:Gebruik)
WHERE gd.id IN paar.weg
FOREACH (x IN CASE WHEN gd IS NULL THEN [] ELSE [gd] END | DETACH DELETE x)
// The Gebruik kept of the dissolved gemeenten move.
WITH doel, count(*) AS gecombineerd
OPTIONAL MATCH (o:Gemeente)-[r:GEBRUIKT]->(g:Gebruik)
WHERE g.id IN $verplaatst AND o.id IN $opgeheven
WITH doel, collect(r) AS oud, collect(g) AS verplaatst
FOREACH (r IN oud | DELETE r)
FOREACH (g IN verplaatst |
  CREATE (doel)-[:GEBRUIKT]->(g)
  SET g.versie = coalesce(g.versie, 1) + CASE WHEN g.id IN $behoudenGebruik THEN 0 ELSE 1 END,
      g.gewijzigdOp = $tijdstip, g.gewijzigdDoor = $door)
// People: one membership each, at the gemeente kept.
WITH doel
UNWIND CASE WHEN size($leden) = 0 THEN [null] ELSE $leden END AS lid
OPTIONAL MATCH (u:Gebruiker {id: lid.gebruiker})-[oud:LID_VAN]->(x:Organisatie)
WHERE x.id IN $opgeheven
WITH doel, lid, collect(oud) AS oude
FOREACH (r IN oude | DELETE r)
WITH doel, lid
OPTIONAL MATCH (u:Gebruiker {id: lid.gebruiker})
OPTIONAL MATCH (u)-[bestaand:LID_VAN]->(doel)
FOREACH (rl IN CASE WHEN bestaand IS NULL THEN [] ELSE [bestaand] END |
  SET rl.rollen = lid.rollen, rl.status = lid.status, rl.versie = coalesce(rl.versie, 1) + 1)
FOREACH (x IN CASE WHEN u IS NULL OR bestaand IS NOT NULL THEN [] ELSE [u] END |
  CREATE (x)-[nl:LID_VAN {rollen: lid.rollen}]->(doel)
  SET nl.status = lid.status)
// Memberships of samenwerkingen and communities, and neighbours.
WITH doel, count(*) AS leden
OPTIONAL MATCH (o:Gemeente)-[d:DEELNEMER_VAN]->()
WHERE o.id IN $opgeheven
WITH doel, collect(d) AS oud
FOREACH (r IN oud | DELETE r)
WITH doel
UNWIND CASE WHEN size($deelnames) = 0 THEN [null] ELSE $deelnames END AS dn
OPTIONAL MATCH (s:Organisatie {id: dn.organisatie})
OPTIONAL MATCH (doel)-[al:DEELNEMER_VAN]->(s)
FOREACH (rd IN CASE WHEN al IS NULL THEN [] ELSE [al] END | SET rd.sinds = dn.sinds)
FOREACH (x IN CASE WHEN s IS NULL OR al IS NOT NULL THEN [] ELSE [s] END |
  CREATE (doel)-[nd:DEELNEMER_VAN]->(x)
  SET nd.sinds = dn.sinds)
WITH doel, count(*) AS deelnames
OPTIONAL MATCH (o:Gemeente)-[b:GRENST_AAN]-()
WHERE o.id IN $opgeheven
WITH doel, collect(DISTINCT b) AS oud
FOREACH (r IN oud | DELETE r)
WITH doel
OPTIONAL MATCH (b:Gemeente)
WHERE b.id IN $buren
WITH doel, collect(b) AS buren
FOREACH (b IN buren | CREATE (doel)-[:GRENST_AAN]->(b))
// The dissolved gemeenten stay, pointing at the one kept.
WITH doel
MATCH (og:Gemeente)
WHERE og.id IN $opgeheven
REMOVE og:Gemeente
SET og:OpgehevenGemeente
WITH doel, og
MATCH (oh:OpgehevenGemeente {id: og.id})
SET oh.opgeheven = $datum, oh.status = 'GEDEACTIVEERD', oh.versie = coalesce(oh.versie, 1) + 1,
    oh.gewijzigdOp = $tijdstip, oh.gewijzigdDoor = $door
CREATE (oh)-[:OPGEGAAN_IN {datum: $datum}]->(doel)
WITH doel, count(oh) AS opgeheven
SET doel.inwoners = $inwoners, doel.oppervlakteKm2 = $oppervlakteKm2
FOREACH (x IN CASE WHEN $nieuw IS NULL THEN [doel] ELSE [] END |
  SET x.versie = coalesce(x.versie, 1) + 1, x.gewijzigdOp = $tijdstip, x.gewijzigdDoor = $door)
// The standard flags of the koppelingen whose ends changed, as in koppeling/standaarden.
WITH doel
OPTIONAL MATCH (u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
WHERE k.id IN $herberekend
WITH doel, k,
     CASE WHEN k IS NULL THEN []
          ELSE [(u)-[:VOOR]->()-[v1:VEREIST]->(s1) WHERE v1.rol = 'VERPLICHT' | s1.id]
               + [(n)-[:VOOR]->()-[v2:VEREIST]->(s2) WHERE v2.rol = 'VERPLICHT' | s2.id]
               + [(n)-[v3:VEREIST]->(s3) WHERE v3.rol = 'VERPLICHT' | s3.id] END AS vereist,
     CASE WHEN k IS NULL THEN [] ELSE [(k)-[:VOLGENS]->()-[:VERSIE_VAN]->(s4) | s4.id] END AS gevolgd
FOREACH (kx IN CASE WHEN k IS NULL THEN [] ELSE [k] END |
  SET kx.heeftVereisteStandaard = size(vereist) > 0,
      kx.volgtVereisteStandaard = any(s IN gevolgd WHERE s IN vereist))
WITH doel, count(*) AS herberekend
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH doel, count(w) AS records
RETURN doel.id AS id
