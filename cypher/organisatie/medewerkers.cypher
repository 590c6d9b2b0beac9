// The people and machine clients of each organisation (LID_VAN) with their roles there, only
// for its organisatie-beheerders and functioneel beheer ($zicht).
// params: {"ids": ["vng-realisatie"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})<-[l:LID_VAN]-(p:Gebruiker)
WITH sleutel, o, l, p
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
RETURN sleutel, {id: p.id, naam: p.naam, email: p.email, status: p.status, soort: p.soort, rollen: l.rollen,
                 lidmaatschapStatus: coalesce(l.status, 'ACTIEF'), versie: coalesce(l.versie, 1),
                 gebruikerVersie: coalesce(p.versie, 1)} AS item
ORDER BY sleutel, p.naam, p.id
