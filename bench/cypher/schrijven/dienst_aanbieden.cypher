// The least an offer of a dienst on one application writes (biedDienstAan): the dienst the
// leverancier LEVERT, with the properties the API makes, BIJ the application, and its change
// record. It leaves out who may write and whether the leverancier and the application are
// published (the client knows they are).
// params: {"leverancier": "onbekend", "applicatie": "onbekend", "dienst": {"id": "dst-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier {id: $leverancier})
MATCH (a:Applicatie {id: $applicatie})
CREATE (l)-[:LEVERT]->(d:Dienst)-[:BIJ]->(a)
SET d = $dienst
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id
