// What an invitation to $email will find: the organisation and its kind, whether a person with
// that e-mail is an active member already, and whether an invitation to it is open (not
// expired at $nu). The people only for the organisation's organisatie-beheerders and
// functioneel beheer. No row when the organisation does not exist.
// params: {"organisatie": "onbekend", "email": "x@example.invalid", "nu": "2026-01-01T00:00:00.000Z"}
MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (o)<-[l:LID_VAN]-(p:Gebruiker)
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties) AND p.email = $email
  AND coalesce(l.status, 'ACTIEF') = 'ACTIEF'
OPTIONAL MATCH (o)<-[:UITNODIGING_VAN]-(i:Uitnodiging)
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties) AND i.email = $email
  AND i.status = 'OPEN' AND i.verlooptOp > $nu
RETURN o.id AS organisatie, o.naam AS naam, [x IN labels(o) WHERE x <> 'Organisatie'][0] AS soort,
       count(DISTINCT p) > 0 AS lid, count(DISTINCT i) > 0 AS open
