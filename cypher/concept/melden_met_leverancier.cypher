// Records missing software of a leverancier that is not registered either: as concept/melden,
// with a concept leverancier ($nieuweLeverancier, marked gemeldDoor like the application) that
// offers it. Only an organisation the asker may change; otherwise no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "nieuweLeverancier": {"id": "lev-onbekend", "naam": "Onbekend", "status": "CONCEPT", "gemeldDoor": "onbekend"}, "applicatie": {"id": "app-onbekend", "naam": "Onbekend", "type": "APPLICATIE", "licentietype": "CLOSED_SOURCE", "status": "CONCEPT", "gemeldDoor": "onbekend"}, "gebruik": {"id": "geb-onbekend", "status": "VERWERVING", "versie": 1}, "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
CREATE (l:Organisatie:Leverancier)
SET l = $nieuweLeverancier
CREATE (a:Applicatie)
SET a = $applicatie
CREATE (l)-[:BIEDT_AAN]->(a)
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $gebruik
WITH g, a
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH g, a, count(w) AS records
RETURN g.id AS id, a.id AS applicatie
