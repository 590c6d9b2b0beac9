// The whole catalogue for an export (graph_api/uitwisseling/lezen.py): every leverancier's aanbod,
// one row per version as export/aanbod reads it, with the applications the catalogue read shows the
// asker: a concept only for its reporting organisation and functioneel beheer (applicatie/lijst's rule).
// params: {}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (a)-[:REALISEERT]->(c:Referentiecomponent)
WITH l, a, collect(c.gemmaId) AS referentiecomponenten
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
OPTIONAL MATCH (v)-[:ONDERSTEUNT]->(s:Standaardversie)
WITH l, a, referentiecomponenten, v, collect(s.naam) AS standaarden
RETURN l.id AS leverancier, l.naam AS leverancierNaam,
       a {.id, .naam, .beschrijving, .website} AS applicatie,
       v {.versie, .status, .releaseDatum, .gewijzigdOp} AS versie, standaarden, referentiecomponenten
