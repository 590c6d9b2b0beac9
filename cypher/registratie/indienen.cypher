// Registers a leverancier (F001) in one statement: the Leverancier as a concept ($leverancier:
// status CONCEPT, gemeldDoor its own id), the person who registers it as its first Gebruiker
// ($gebruiker) with $rollen, the Registratie waiting for functioneel beheer, and a Wijziging
// for each. It writes only when no Gebruiker has the person's subject or e-mail and no
// leverancier the KvK number; otherwise nothing, and no row.
// params: {"subject": "onbekend", "email": "onbekend@example.invalid", "kvkNummer": "00000000", "leverancier": {"id": "lev-onbekend"}, "gebruiker": {"id": "gebruiker-onbekend"}, "rollen": ["ORGANISATIE_BEHEERDER"], "registratie": {"id": "reg-onbekend", "status": "INGEDIEND", "versie": 1, "ingediendOp": "2026-06-30T09:15:00.000Z", "ingediendDoor": "gebruiker-onbekend"}, "wijzigingen": [{"id": "wij-onbekend"}]}
// Registrations take turns: each locks the catalogue's keeper first (Neo4j reads without locks,
// docs/architecture.md), so two at once cannot both find one KvK number free.
OPTIONAL MATCH (b:Beheerorganisatie)
FOREACH (k IN CASE WHEN b IS NULL THEN [] ELSE [b] END | SET k:Beheerorganisatie)
WITH count(b) AS beheerorganisaties
OPTIONAL MATCH (x:Gebruiker {subject: $subject})
WITH count(x) AS subject
OPTIONAL MATCH (y:Gebruiker {email: $email})
WITH subject, count(y) AS email
OPTIONAL MATCH (z:Leverancier {kvkNummer: $kvkNummer})
WITH subject, email, count(z) AS kvk
// A nieuwkomer has a bezoeker's $zicht; one with a role is known (and the example writes nothing).
WHERE subject = 0 AND email = 0 AND kvk = 0 AND NOT $zicht.beheer
CREATE (l:Organisatie:Leverancier)
SET l = $leverancier
CREATE (u:Gebruiker)
SET u = $gebruiker
CREATE (u)-[m:LID_VAN]->(l)
SET m.rollen = $rollen
CREATE (r:Registratie)
SET r = $registratie
CREATE (r)-[:BETREFT]->(l)
WITH r, l, u
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH r, l, u, count(w) AS records
RETURN r {.*, leverancier: l.id, indiener: u.naam, indienerEmail: u.email} AS registratie,
       l {.*, label: 'Leverancier'} AS leverancier
