// Refuses a request for access with its reason ($eigenschappen), one versie up, and records it.
// Only for functioneel beheer or an organisatie-beheerder of the organisation asked, an open
// request at the versie expected; otherwise nothing, and no row.
// params: {"id": "tgv-onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "GEWEIGERD", "reden": "x"}, "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (t:Toegangsverzoek {id: $id})-[:AAN]->(o:Organisatie)
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
// Lock t before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET t:Toegangsverzoek
WITH t
WHERE t.versie = $verwachteVersie AND t.status = 'INGEDIEND'
SET t += $eigenschappen
SET t.versie = $verwachteVersie + 1
WITH t
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH t, count(w) AS records
RETURN t.id AS id, t.versie AS versie
