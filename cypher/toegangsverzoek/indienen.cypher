// Records a person's request for access to an organisation ($verzoek) and its Wijziging, in one
// statement. It writes only for a published organisation with a landscape, when no Gebruiker
// has the person's subject or e-mail and the person has no open request there; otherwise
// nothing, and no row. The item is the request as toegangsverzoek/per_id reads it.
// zicht: the asker is a nieuwkomer (a bezoeker's sight): it writes only its own request.
// params: {"organisatie": "onbekend", "subject": "onbekend", "email": "onbekend@example.invalid", "verzoek": {"id": "tgv-onbekend", "status": "INGEDIEND", "subject": "onbekend", "naam": "Onbekend", "email": "onbekend@example.invalid", "rollen": ["GEBRUIK_RAADPLEGER"], "toelichting": "x", "versie": 1, "ingediendOp": "2026-06-30T09:15:00.000Z"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE o.gemeldDoor IS NULL AND NOT 'Community' IN labels(o)
// Lock o before counting its open requests (docs/architecture.md, "Concurrent writes on Neo4j").
SET o:Organisatie
WITH o
OPTIONAL MATCH (x:Gebruiker {subject: $subject})
WITH o, count(x) AS subject
OPTIONAL MATCH (y:Gebruiker {email: $email})
WITH o, subject, count(y) AS email
OPTIONAL MATCH (o)<-[:AAN]-(v:Toegangsverzoek {subject: $subject})
WHERE v.status = 'INGEDIEND'
WITH o, subject, email, count(v) AS open
WHERE subject = 0 AND email = 0 AND open = 0
CREATE (t:Toegangsverzoek)
SET t = $verzoek
CREATE (t)-[:AAN]->(o)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN t {.*, organisatie: o.id} AS item
