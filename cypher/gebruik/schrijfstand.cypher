// A Gebruik as a write finds it: every property, its organisation and application, its version
// and referentiecomponenten, and the koppelingen that use it (as van, naar or via). Read before
// a change, to say which error an impossible write is and what the change record holds before.
// params: {"id": "geb-GM0363-0001"}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $id})-[:VAN]->(a:Applicatie)
WITH o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
RETURN g {.*} AS gebruik, o.id AS organisatie, a.id AS applicatie,
       [(g)-[:VERSIE]->(v) | v.id] AS versies,
       [(g)-[:VOOR]->(r) | r.id] AS referentiecomponenten,
       [(g)<-[:VAN|NAAR|VIA]-(k) | k.id] AS koppelingIds
