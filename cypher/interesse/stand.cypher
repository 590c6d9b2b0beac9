// What toonInteresse will find, to say why it wrote nothing: the application (its concept
// marker and status), the asker as a person or a machine client, and the interest the gemeente
// shows in it already.
// zicht: reads only what the write statement checks again itself.
// params: {"applicatie": "onbekend", "gemeente": "onbekend", "gebruiker": "onbekend"}
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
OPTIONAL MATCH (p:Gebruiker {id: $gebruiker})
WITH a, p
OPTIONAL MATCH (a)<-[:INTERESSE_IN]-(i:Interesse)-[:GETOOND_DOOR]->(:Gemeente {id: $gemeente})
RETURN a IS NOT NULL AS gevonden, a.gemeldDoor AS gemeldDoor, a.status AS status,
       coalesce(p.soort, 'PERSOON') AS soort, i.id AS bestaand
