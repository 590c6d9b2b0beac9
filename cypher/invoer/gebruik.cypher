// The Gebruik an import is planned against (graph_api/uitwisseling/invoer/plan.py): every
// Gebruik of the organisation, all its properties (notes and contract too: only an asker who may
// change the landscape reads this), its application, version and referentiecomponenten.
// zicht: a write's plan; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "GM0014"}
MATCH (o:Organisatie {id: $organisatie})
WITH o
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
MATCH (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
RETURN properties(g) AS gebruik, a.id AS applicatie,
       [(g)-[:VERSIE]->(v) | v.id] AS versies,
       [(g)-[:VOOR]->(r) | r.id] AS referentiecomponenten
