// A Gebruik as a write finds it: every property, its organisation and application, its version,
// referentiecomponenten and diensten, the koppelingen that use it (as van, naar or via), and
// the samenwerkingen among $zicht.wijzigbaar that registered it for a gemeente that is their
// member still (`namens`: the asker may change it as that samenwerking). Read before a change,
// to say which error an impossible write is and what the change record holds before.
// params: {"id": "geb-GM0363-0001"}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $id})-[:VAN]->(a:Applicatie)
WITH o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
RETURN g {.*} AS gebruik, o.id AS organisatie, a.id AS applicatie,
       [(g)-[:VERSIE]->(v) | v.id] AS versies,
       [(g)-[:VOOR]->(r) | r.id] AS referentiecomponenten,
       [(g)-[:NEEMT_AF]->(d) | d.id] AS diensten,
       [(g)<-[:VAN|NAAR|VIA]-(k) | k.id] AS koppelingIds,
       [(o)-[:DEELNEMER_VAN]->(s)-[:REGISTREERT]->(g) WHERE s.id IN $zicht.wijzigbaar | s.id] AS namens
