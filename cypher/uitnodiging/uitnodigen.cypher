// Creates an invitation of an organisation ($uitnodiging: its properties, the code's digest
// among them) and records it, in one statement: only for the organisation's
// organisatie-beheerders and functioneel beheer, and only while no active member has the
// e-mail and no invitation to it is open (not expired at $nu). No row when nothing was written.
// zicht: a write; $zicht.organisaties is what the asker may change.
// params: {"organisatie": "onbekend", "email": "x@example.invalid", "nu": "2026-01-01T00:00:00.000Z", "uitnodiging": {"id": "uit-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
// Lock the organisation: two invitations of one e-mail sent at once cannot both find none open.
SET o:Organisatie
WITH o
OPTIONAL MATCH (o)<-[l:LID_VAN]-(p:Gebruiker)
WHERE p.email = $email AND coalesce(l.status, 'ACTIEF') = 'ACTIEF'
WITH o, count(p) AS leden
OPTIONAL MATCH (o)<-[:UITNODIGING_VAN]-(i:Uitnodiging)
WHERE i.email = $email AND i.status = 'OPEN' AND i.verlooptOp > $nu
WITH o, leden, count(i) AS open
WHERE leden = 0 AND open = 0
CREATE (n:Uitnodiging)-[:UITNODIGING_VAN]->(o)
SET n = $uitnodiging
CREATE (w:Wijziging)
SET w = $wijziging
RETURN n.id AS id
