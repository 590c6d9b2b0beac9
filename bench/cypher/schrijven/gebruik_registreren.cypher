// The least a registration of a Gebruik writes: the Gebruik between its organisation and its
// application, with the properties the API makes, and its change record. The lower bound of
// registreerGebruik: it leaves out who may write, whether the organisation uses the application
// already, and versions, components and diensten (the bench registers none).
// params: {"organisatie": "GM0363", "applicatie": "app-00001", "eigenschappen": {"id": "geb-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
MATCH (a:Applicatie {id: $applicatie})
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $eigenschappen
CREATE (w:Wijziging)
SET w = $wijziging
RETURN g.id AS id
