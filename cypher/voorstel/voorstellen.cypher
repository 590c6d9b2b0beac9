// Proposes a Gebruik of an application to a gemeente and records the change (a Wijziging), in
// one statement. It matches only an application the asker may propose ($zicht.beheer, or one
// of its leverancier's: $zicht.producten) offered by $leverancier, published (no concept: the
// gemeente and its landscape would see what only its leverancier may), and a gemeente that neither
// uses it nor has an open proposal of it; otherwise it writes nothing and returns no row, and
// graph_api/domain/landschap/voorstel.py says why. The API made the id and every property.
// zicht: a write; $zicht.producten is what an aanbod-beheerder may propose.
// params: {"organisatie": "onbekend", "applicatie": "onbekend", "leverancier": "onbekend", "eigenschappen": {"id": "gvs-onbekend", "status": "VOORGESTELD", "versie": 1, "voorgesteldOp": "2026-06-30T09:15:00.000Z", "voorgesteldDoor": "gebruiker-onbekend", "gewijzigdOp": "2026-06-30T09:15:00.000Z", "gewijzigdDoor": "gebruiker-onbekend", "toelichting": "Uw gemeente gebruikt dit al"}, "wijziging": {"id": "wij-onbekend", "actor": "gebruiker-onbekend", "actorOrganisatie": "onbekend", "organisatie": "onbekend", "tijdstip": "2026-06-30T09:15:00.000Z", "object": "gvs-onbekend", "objectLabel": "Gebruiksvoorstel", "operatie": "AANGEMAAKT", "na": "{\"status\": \"VOORGESTELD\"}"}}
MATCH (o:Gemeente {id: $organisatie})
MATCH (l:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie {id: $applicatie})
WHERE ($zicht.beheer OR a.id IN $zicht.producten) AND a.gemeldDoor IS NULL
OPTIONAL MATCH (o)-[:GEBRUIKT]->(x:Gebruik)-[:VAN]->(a)
WITH o, l, a, count(x) AS bestaand
WHERE bestaand = 0
OPTIONAL MATCH (o)<-[:AAN]-(y:Gebruiksvoorstel)-[:BETREFT]->(a)
WHERE y.status = 'VOORGESTELD'
WITH o, l, a, count(y) AS open
WHERE open = 0
CREATE (v:Gebruiksvoorstel)
SET v = $eigenschappen
CREATE (v)-[:BETREFT]->(a)
CREATE (v)-[:AAN]->(o)
CREATE (v)-[:DOOR]->(l)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.versie AS versie
