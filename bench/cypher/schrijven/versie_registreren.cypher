// The least a registration of a version writes: the version of the application, with the
// properties the API makes, and its change record. The lower bound of registreerVersie: it
// leaves out who may write and whether the number is taken (the client knows it is new).
// params: {"applicatie": "onbekend", "eigenschappen": {"id": "ver-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (a:Applicatie {id: $applicatie})
CREATE (a)-[:HEEFT_VERSIE]->(v:Versie)
SET v = $eigenschappen
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id
