// The invitation a code opens (by the code's digest), with its organisation and kind, and what
// accepting it will find: the asker's Gebruiker by its subject, that one's membership of the
// organisation, and whether another Gebruiker has the invited e-mail already. No row for an
// unknown code.
// zicht: the code is the authorisation: who holds it may read the invitation; the Gebruiker read is the asker's own.
// params: {"codeHash": "onbekend", "subject": "onbekend"}
MATCH (i:Uitnodiging {codeHash: $codeHash})-[:UITNODIGING_VAN]->(o:Organisatie)
OPTIONAL MATCH (u:Gebruiker {subject: $subject})
OPTIONAL MATCH (u)-[l:LID_VAN]->(o)
OPTIONAL MATCH (e:Gebruiker)
WHERE e.email = i.email AND coalesce(e.subject, '') <> $subject
RETURN i {.id, .email, .rollen, .status, .verlooptOp, .versie} AS uitnodiging,
       o.id AS organisatie, [x IN labels(o) WHERE x <> 'Organisatie'][0] AS soort,
       CASE WHEN u IS NULL THEN null
            ELSE {id: u.id, status: u.status, soort: coalesce(u.soort, 'PERSOON')} END AS gebruiker,
       CASE WHEN l IS NULL THEN null
            ELSE {rollen: l.rollen, status: coalesce(l.status, 'ACTIEF'), versie: coalesce(l.versie, 1)} END AS lid,
       count(e) > 0 AS emailBezet
