// The least a first review writes (schrijfBeoordeling): the Beoordeling the organisation SCHREEF,
// OVER the application, with the properties the API makes, and its change record. It leaves out
// who may write, whether the organisation uses the application, whether it is published or
// retired, and whether the organisation reviewed it before (the client knows).
// params: {"organisatie": "onbekend", "object": "onbekend", "beoordeling": {"id": "bdl-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
MATCH (x:Applicatie {id: $object})
CREATE (o)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x)
SET b = $beoordeling
CREATE (w:Wijziging)
SET w = $wijziging
RETURN b.id AS id
