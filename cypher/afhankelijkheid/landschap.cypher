// A page of one organisation's landscape as a graph: its Gebruik (filtered, ordered by id,
// after a keyset cursor), each with its application's name and the koppelingen that start
// there, with their far ends (another Gebruik, named after its application, or a national
// facility); with a status filter, a far Gebruik must have that status too. The page is
// chosen before the koppelingen are expanded.
// Only the Gebruik the asker may see ($zicht), with koppelingen only for those who may see the
// whole landscape.
// params: {"organisatie": "GM0363", "status": null, "referentiecomponent": null, "na": null, "limit": 5}
MATCH (o:Organisatie {id: $organisatie})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WITH o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
  AND ($status IS NULL OR g.status = $status)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
  AND ($na IS NULL OR g.id > $na.id)
WITH g, a, $zicht.alleLandschappen OR o.id IN $zicht.landschappen AS heel
ORDER BY g.id
LIMIT $limit
OPTIONAL MATCH (g)<-[:VAN]-(k)-[:NAAR]->(m)
WHERE heel AND ($status IS NULL OR NOT 'Gebruik' IN labels(m) OR m.status = $status)
OPTIONAL MATCH (m)-[:VAN]->(x:Applicatie)
WITH g, a, collect(CASE WHEN k IS NULL THEN null ELSE
       {id: k.id, naar: m.id, naarNaam: coalesce(m.naam, x.naam),
        naarSoort: CASE WHEN 'Gebruik' IN labels(m) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END,
        type: k.type, richting: k.richting, status: k.status} END) AS koppelingen
RETURN g.id AS k, {id: g.id, naam: a.naam, status: g.status, koppelingen: koppelingen} AS item
ORDER BY g.id
