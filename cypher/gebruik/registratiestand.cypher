// What a registration of a Gebruik refers to, read before the write to name what is wrong:
// whether the organisation and application exist, which of the versions (of that application)
// and referentiecomponenten asked for exist, and whether the organisation uses the application
// already.
// zicht: names no Gebruik; only whether the organisation has one of the application, which
// every gebruik-beheerder may see (docs/access.md).
// params: {"organisatie": "GM0363", "applicatie": "app-00001", "versies": [], "referentiecomponenten": []}
OPTIONAL MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
WITH o, a
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH o, a, collect(v.id) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH o, a, versies, collect(r.id) AS referentiecomponenten
RETURN o IS NOT NULL AS organisatie, a IS NOT NULL AS applicatie, versies, referentiecomponenten,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)-[:GEBRUIKT]->(x)-[:VAN]->(a) | x.id]) END AS bestaand
