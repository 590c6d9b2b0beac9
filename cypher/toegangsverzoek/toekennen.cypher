// Grants a request for access: the person becomes a Gebruiker ($gebruiker, from the request)
// with $rollen in the organisation asked (LID_VAN), the request TOEGEKEND one versie up and
// pointing at it (WERD), with a Wijziging for each. Only for functioneel beheer or an
// organisatie-beheerder of that organisation, an open request at the versie expected, and no
// Gebruiker with the person's subject or e-mail; otherwise nothing, and no row.
// params: {"id": "tgv-onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "TOEGEKEND"}, "gebruiker": {"id": "gebruiker-onbekend"}, "rollen": ["GEBRUIK_RAADPLEGER"], "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (t:Toegangsverzoek {id: $id})-[:AAN]->(o:Organisatie)
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
// Lock t before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET t:Toegangsverzoek
WITH t, o
WHERE t.versie = $verwachteVersie AND t.status = 'INGEDIEND'
OPTIONAL MATCH (x:Gebruiker {subject: t.subject})
WITH t, o, count(x) AS subject
OPTIONAL MATCH (y:Gebruiker {email: t.email})
WITH t, o, subject, count(y) AS email
WHERE subject = 0 AND email = 0
SET t += $eigenschappen
SET t.versie = $verwachteVersie + 1
CREATE (u:Gebruiker)
SET u = $gebruiker
CREATE (u)-[m:LID_VAN]->(o)
SET m.rollen = $rollen
CREATE (t)-[:WERD]->(u)
WITH t
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH t, count(w) AS records
RETURN t.id AS id, t.versie AS versie
