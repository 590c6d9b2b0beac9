// What a change of one person's membership of an organisation will find: the organisation and
// its kind, the membership (null when the person is no member, or the asker may not see the
// organisation's people), and how many other active organisatie-beheerders (persons) it has.
// params: {"organisatie": "onbekend", "gebruiker": "onbekend"}
MATCH (o:Organisatie {id: $organisatie})
OPTIONAL MATCH (o)<-[l:LID_VAN]-(p:Gebruiker {id: $gebruiker})
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
OPTIONAL MATCH (o)<-[lb:LID_VAN]-(b:Gebruiker)
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties) AND b.id <> $gebruiker
  AND b.status = 'ACTIEF' AND coalesce(b.soort, 'PERSOON') = 'PERSOON'
  AND coalesce(lb.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN lb.rollen
WITH o, l, p, count(b) AS andereBeheerders
RETURN o.id AS organisatie, o.naam AS naam, [x IN labels(o) WHERE x <> 'Organisatie'][0] AS soort,
       CASE WHEN p IS NULL THEN null ELSE {
         id: p.id, naam: p.naam, status: p.status, soort: coalesce(p.soort, 'PERSOON'), rollen: l.rollen,
         lidmaatschapStatus: coalesce(l.status, 'ACTIEF'), versie: coalesce(l.versie, 1)
       } END AS lid,
       andereBeheerders
