// A leverancier's aanbod for an export (graph_api/uitwisseling/lezen.py): one row per version of each
// of its applications (one without a version for an application that has none), with the standard
// versions each version supports and the referentiecomponenten the application realises.
// A concept only for its reporting organisation and functioneel beheer, as organisatie/aanbod
// shows it (docs/access.md, "Concepts").
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie)
WHERE (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (a)-[:REALISEERT]->(c:Referentiecomponent)
WITH l, a, collect(c.gemmaId) AS referentiecomponenten
OPTIONAL MATCH (a)-[:HEEFT_VERSIE]->(v:Versie)
OPTIONAL MATCH (v)-[:ONDERSTEUNT]->(s:Standaardversie)
WITH l, a, referentiecomponenten, v, collect(s.naam) AS standaarden
RETURN l.id AS leverancier, l.naam AS leverancierNaam,
       a {.id, .naam, .beschrijving, .website} AS applicatie,
       v {.versie, .status, .releaseDatum, .gewijzigdOp} AS versie, standaarden, referentiecomponenten
