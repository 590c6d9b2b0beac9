// Whether a person coming in is known already, before a registration or an access request:
// a Gebruiker with its subject (a deactivated one: its token looks unknown) or its e-mail
// (unique among Gebruikers), and whether an organisation has the KvK number ($kvkNummer, or
// null when none is asked about).
// zicht: a nieuwkomer sees nothing yet; only whether it may come in is returned.
// params: {"subject": "onbekend", "email": "onbekend@example.invalid", "kvkNummer": "00000000"}
OPTIONAL MATCH (u:Gebruiker {subject: $subject})
WITH count(u) AS subject
OPTIONAL MATCH (e:Gebruiker {email: $email})
WITH subject, count(e) AS email
OPTIONAL MATCH (l:Leverancier {kvkNummer: $kvkNummer})
WITH subject, email, count(l) AS kvk
RETURN subject > 0 AS subject, email > 0 AS email, kvk > 0 AS kvk
