// The Gebruiker a token's subject names: its status and soort, and its active memberships, each with
// the kind of organisation (its label besides Organisatie) and the roles held there.
// No row for an unknown subject.
// An OPTIONAL MATCH, not a pattern comprehension: FalkorDB caches the plan of a comprehension
// with properties that did not exist yet as null for good (a first token before the first
// registration would leave every later membership without roles).
// params: {"subject": "dev:GM0363:GEBRUIK_RAADPLEGER"}
MATCH (u:Gebruiker {subject: $subject})
// A membership its organisation deactivated gives nothing (docs/access.md, "People and invitations").
OPTIONAL MATCH (u)-[l:LID_VAN]->(o:Organisatie)
WHERE coalesce(l.status, 'ACTIEF') = 'ACTIEF'
WITH u, collect({
  organisatie: o.id,
  soort: [x IN labels(o) WHERE x <> 'Organisatie'][0],
  rollen: l.rollen
}) AS lidmaatschappen
RETURN u.id AS id, u.naam AS naam, u.status AS status, coalesce(u.soort, 'PERSOON') AS soort,
       [m IN lidmaatschappen WHERE m.organisatie IS NOT NULL] AS lidmaatschappen
