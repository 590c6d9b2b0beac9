// Deactivates the Gebruiker of a subject: its tokens still validate, but it gets the rights of
// a bezoeker. No row for an unknown subject.
// params: {"subject": "dev:GM0363:GEBRUIK_RAADPLEGER"}
MATCH (u:Gebruiker {subject: $subject})
SET u.status = 'GEDEACTIVEERD'
RETURN u.id AS id
