// Registers the Gebruiker of an identity provider's subject (a person or a machine client), or
// updates it, with exactly $rollen in one organisation: one statement, idempotent, keyed by the
// subject. A new Gebruiker gets $id; registering again makes a deactivated one, and its
// membership, active (the membership's versie one up, as a mutation's change).
// No row when the organisation does not exist.
// params: {"subject": "voorbeeld-1", "id": "gebruiker-voorbeeld", "naam": "Voorbeeld", "email": "voorbeeld@example.invalid", "soort": "PERSOON", "organisatie": "GM0363", "rollen": ["GEBRUIK_RAADPLEGER"]}
MATCH (o:Organisatie {id: $organisatie})
MERGE (u:Gebruiker {subject: $subject})
ON CREATE SET u.id = $id
SET u.naam = $naam, u.email = $email, u.soort = $soort, u.status = 'ACTIEF'
MERGE (u)-[l:LID_VAN]->(o)
ON MATCH SET l.versie = coalesce(l.versie, 1) + 1
SET l.rollen = $rollen, l.status = 'ACTIEF'
RETURN u.id AS id, o.id AS organisatie, l.rollen AS rollen
