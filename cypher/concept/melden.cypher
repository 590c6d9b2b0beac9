// Records missing software (issue 17, item 6): a concept application, offered by a leverancier
// in the catalogue ($leverancier) or by none, and the organisation's Gebruik of it, with a
// Wijziging for each, in one statement. It matches only an organisation the asker may change
// ($zicht.wijzigbaar, $zicht.beheer) and a leverancier that exists when one is named; otherwise
// it writes nothing and returns no row. A new concept leverancier: concept/melden_met_leverancier.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "leverancier": null, "applicatie": {"id": "app-onbekend", "naam": "Onbekend", "type": "APPLICATIE", "licentietype": "CLOSED_SOURCE", "status": "CONCEPT", "gemeldDoor": "onbekend"}, "gebruik": {"id": "geb-onbekend", "status": "VERWERVING", "versie": 1}, "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
OPTIONAL MATCH (l:Leverancier {id: $leverancier})
WITH o, l
WHERE $leverancier IS NULL OR l IS NOT NULL
CREATE (a:Applicatie)
SET a = $applicatie
CREATE (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
SET g = $gebruik
FOREACH (x IN CASE WHEN l IS NULL THEN [] ELSE [l] END | CREATE (x)-[:BIEDT_AAN]->(a))
WITH g, a
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH g, a, count(w) AS records
RETURN g.id AS id, a.id AS applicatie
