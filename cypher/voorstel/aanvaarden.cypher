// Accepts a Gebruiksvoorstel: the gemeente's new Gebruik of the application, the proposal
// AANVAARD and pointing at it (WERD), and a Wijziging for each, in one statement. It matches
// only an open proposal to a gemeente the asker may change ($zicht.wijzigbaar, $zicht.beheer),
// at the versie the asker expects, of an application the gemeente does not use (it may have
// registered it meanwhile) and its leverancier has not retired since; otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"voorstel": "onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "AANVAARD"}, "gebruik": {"id": "geb-onbekend", "status": "IN_PRODUCTIE", "versie": 1}, "wijzigingVoorstel": {"id": "wij-onbekend-1"}, "wijzigingGebruik": {"id": "wij-onbekend-2"}}
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel {id: $voorstel})-[:BETREFT]->(a:Applicatie)
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Gebruiksvoorstel
WITH o, v, a
WHERE v.versie = $verwachteVersie AND v.status = 'VOORGESTELD'
  AND coalesce(a.status, 'ACTIEF') <> 'TERUGGETROKKEN'
OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a)
WITH o, v, a, count(x) AS bestaand
WHERE bestaand = 0
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $gebruik
CREATE (v)-[:WERD]->(g)
SET v += $eigenschappen
SET v.versie = $verwachteVersie + 1
CREATE (wv:Wijziging)
SET wv = $wijzigingVoorstel
CREATE (wg:Wijziging)
SET wg = $wijzigingGebruik
RETURN v.id AS id, v.versie AS versie, g.id AS gebruik
