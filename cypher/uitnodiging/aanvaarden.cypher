// Accepts an invitation by its code's digest, in one statement: while it is open, not expired
// at $nu and sent to $email (the asker's verified e-mail), the asker's Gebruiker (by subject;
// created from $nieuw when unknown, active persons only) becomes a member of the organisation
// with $rollen (its membership made active again, at the versie read, $lidVersie: 0 for none),
// the invitation is used, and each change is recorded ($wijzigingen, the actor the Gebruiker).
// No row when nothing was written.
// zicht: a write; the code and the verified e-mail are the authorisation (docs/access.md, "People and invitations").
// params: {"codeHash": "onbekend", "email": "x@example.invalid", "nu": "2026-01-01T00:00:00.000Z", "subject": "onbekend", "nieuw": {"id": "gebruiker-onbekend"}, "rollen": ["GEBRUIK_RAADPLEGER"], "lidVersie": 0, "wijzigingen": []}
MATCH (i:Uitnodiging {codeHash: $codeHash})-[:UITNODIGING_VAN]->(o:Organisatie)
// Lock the invitation (used once) and the organisation (as every membership write does).
SET i:Uitnodiging, o:Organisatie
WITH i, o
WHERE i.status = 'OPEN' AND i.verlooptOp > $nu AND i.email = $email
MERGE (u:Gebruiker {subject: $subject})
ON CREATE SET u += $nieuw
WITH i, o, u
WHERE u.status = 'ACTIEF' AND coalesce(u.soort, 'PERSOON') = 'PERSOON'
OPTIONAL MATCH (u)-[oud:LID_VAN]->(o)
WITH i, o, u, oud
WHERE CASE WHEN oud IS NULL THEN 0 ELSE coalesce(oud.versie, 1) END = $lidVersie
MERGE (u)-[l:LID_VAN]->(o)
SET l.rollen = $rollen, l.status = 'ACTIEF', l.versie = $lidVersie + 1
SET i.status = 'AANVAARD', i.aanvaardDoor = u.id, i.versie = i.versie + 1, i.gewijzigdOp = $nu,
    i.gewijzigdDoor = u.id
WITH i, u
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging, w.actor = u.id
WITH i, u, count(w) AS records
RETURN i.id AS id, u.id AS gebruiker
