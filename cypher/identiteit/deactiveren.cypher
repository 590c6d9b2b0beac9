// Deactivates the Gebruiker of a subject: its tokens still validate, but it gets the rights of
// a bezoeker. No row for an unknown subject.
// params: {"subject": "voorbeeld-1"}
MATCH (u:Gebruiker {subject: $subject})
SET u.status = 'GEDEACTIVEERD'
RETURN u.id AS id
