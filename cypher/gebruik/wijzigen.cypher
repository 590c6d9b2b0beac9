// Changes a Gebruik and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one), the version, referentiecomponenten and diensten when asked
// ($vervangVersies, $vervangComponenten, $vervangDiensten: the lists replace them), versie one
// up. It matches only a Gebruik the asker may change: of an organisation in
// $zicht.wijzigbaar (or any, $zicht.beheer), or one a samenwerking in $zicht.wijzigbaar
// registered for a gemeente that is its member still; at the versie the asker expects, in one
// of $statussen (null: any; a status change names the statuses it may come from) and with
// every version, referentiecomponent and dienst (offered on its application) found; otherwise
// it writes nothing and returns no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"gebruik": "onbekend", "verwachteVersie": 1, "statussen": null, "versies": [], "vervangVersies": false, "referentiecomponenten": [], "vervangComponenten": false, "diensten": [], "vervangDiensten": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})-[:VAN]->(a:Applicatie)
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
WITH g, a, versies, collect(r) AS componenten
OPTIONAL MATCH (d:Dienst)-[:BIJ]->(a)
WHERE d.id IN $diensten
WITH g, versies, componenten, collect(d) AS diensten
WHERE size(versies) = size($versies) AND size(componenten) = size($referentiecomponenten)
  AND size(diensten) = size($diensten)
WITH g, versies, componenten, diensten,
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
RETURN g.id AS id, g.versie AS versie
