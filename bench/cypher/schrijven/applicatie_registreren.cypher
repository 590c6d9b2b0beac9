// The least a registration of an application writes: the application the leverancier
// BIEDT_AAN, with the properties the API makes, the referentiecomponent it REALISEERT (the bench
// registers one), and its change record. The lower bound of registreerApplicatie: it leaves out
// who may write, whether the leverancier has a track record (the client knows it is published),
// and a product to be a module of (the bench registers products).
// params: {"leverancier": "onbekend", "referentiecomponent": "onbekend", "eigenschappen": {"id": "app-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier {id: $leverancier})
MATCH (r:Referentiecomponent {id: $referentiecomponent})
CREATE (l)-[:BIEDT_AAN]->(a:Applicatie)-[:REALISEERT]->(r)
SET a = $eigenschappen
CREATE (w:Wijziging)
SET w = $wijziging
RETURN a.id AS id
