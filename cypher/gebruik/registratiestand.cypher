// What a registration of a Gebruik refers to, read before the write to name what is wrong:
// whether the organisation and application exist, which of the versions (of that application),
// referentiecomponenten and diensten (offered on that application) asked for exist, which of
// those diensten are retired (`ingetrokken`), whether the application is retired
// (`teruggetrokken`: it takes no new Gebruik, docs/access.md "Retired and deleted"), whether
// the organisation uses the application already, and the samenwerkingen the asker may register
// for it as (those among $zicht.wijzigbaar it is a member gemeente of, by id). A concept
// application (missing software, `gemeldDoor`) exists only for who may see it, as in the catalogue.
// zicht: names no Gebruik; only whether the organisation has one of the application, which
// every gebruik-beheerder may see (docs/access.md).
// params: {"organisatie": "GM0363", "applicatie": "app-00001", "versies": [], "referentiecomponenten": [], "diensten": []}
OPTIONAL MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
WITH o, a
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
WHERE v.id IN $versies
WITH o, a, collect(v.id) AS versies
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH o, a, versies, collect(r.id) AS referentiecomponenten
OPTIONAL MATCH (d:Dienst)-[:BIJ]->(a)
WHERE d.id IN $diensten
WITH o, a, versies, referentiecomponenten, collect(d.id) AS diensten,
     collect(CASE WHEN d.status = 'INGETROKKEN' THEN d.id END) AS ingetrokken
OPTIONAL MATCH (:Gemeente {id: $organisatie})-[:DEELNEMER_VAN]->(s:Samenwerking)
WHERE s.id IN $zicht.wijzigbaar
WITH o, a, versies, referentiecomponenten, diensten, ingetrokken, s
ORDER BY s.id
WITH o, a, versies, referentiecomponenten, diensten, ingetrokken, collect(s.id) AS namens
RETURN o IS NOT NULL AS organisatie, a IS NOT NULL AS applicatie,
       a IS NOT NULL AND a.status = 'TERUGGETROKKEN' AS teruggetrokken, versies, referentiecomponenten,
       diensten, ingetrokken, namens,
       CASE WHEN o IS NULL OR a IS NULL THEN 0
            ELSE size([(o)-[:GEBRUIKT]->(x)-[:VAN]->(a) | x.id]) END AS bestaand
