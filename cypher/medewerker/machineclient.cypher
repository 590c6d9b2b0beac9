// Registers a machine client (F008) in an organisation: a Gebruiker of soort MACHINE whose
// subject is the client id of its client credentials, with one membership and one role, and
// records it. Only for the organisation's organisatie-beheerders and functioneel beheer, and
// only for a subject no Gebruiker has (the unique constraint on subject settles a race).
// No row when nothing was written.
// zicht: a write; $zicht.organisaties is what the asker may change.
// params: {"organisatie": "onbekend", "gebruiker": {"id": "gebruiker-onbekend", "subject": "onbekend"}, "rollen": ["GEBRUIK_BEHEERDER"], "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
OPTIONAL MATCH (bestaand:Gebruiker {subject: $gebruiker.subject})
WITH o, count(bestaand) AS bestaand
WHERE bestaand = 0
CREATE (p:Gebruiker)
SET p = $gebruiker
CREATE (p)-[l:LID_VAN]->(o)
SET l.rollen = $rollen, l.status = 'ACTIEF', l.versie = 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN p.id AS id
