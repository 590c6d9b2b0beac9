// An organisation's Gebruik for an export (graph_api/uitwisseling/lezen.py), in one read: each with
// its application, leverancier, version and referentiecomponenten.
// Only the Gebruik the asker may see ($zicht), by organisatie/gebruik's rule; the confidential part
// (contract end, notes) only where the whole landscape may be seen, by gebruik/vertrouwelijk's.
// params: {"organisatie": "GM0363"}
MATCH (o:Organisatie {id: $organisatie})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WITH o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
OPTIONAL MATCH (g)-[:VERSIE]->(v:Versie)
OPTIONAL MATCH (g)-[:VOOR]->(c:Referentiecomponent)
WITH o, g, a, l, v, c
ORDER BY c.naam, c.gemmaId
WITH o, g, a, l, v, collect(CASE WHEN c IS NULL THEN null ELSE {gemmaId: c.gemmaId, naam: c.naam, id: c.id} END) AS referentiecomponenten
WITH g, a, l, v, referentiecomponenten, ($zicht.alleLandschappen OR o.id IN $zicht.landschappen) AS heel
RETURN g {.id, .status, .verwervingDatum, .geplandDatum, .startDatum, .uitTeFaserenDatum, .eindDatum, .hosting} AS gebruik,
       a.id AS applicatie, a.naam AS applicatieNaam, l.id AS leverancier, l.naam AS leverancierNaam,
       v.versie AS versie, referentiecomponenten,
       CASE WHEN heel THEN g.contractEinde END AS contractEinde,
       CASE WHEN heel THEN g.notities END AS notities
ORDER BY toLower(a.naam), g.id
