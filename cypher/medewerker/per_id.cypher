// One person's membership of an organisation, as Organisatie.medewerkers shows it; only for the
// organisation's organisatie-beheerders and functioneel beheer. No row otherwise.
// params: {"organisatie": "vng-realisatie", "gebruiker": "onbekend"}
MATCH (o:Organisatie {id: $organisatie})<-[l:LID_VAN]-(p:Gebruiker {id: $gebruiker})
WITH o, l, p
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
RETURN {id: p.id, naam: p.naam, email: p.email, status: p.status, soort: p.soort, rollen: l.rollen,
        lidmaatschapStatus: coalesce(l.status, 'ACTIEF'), versie: coalesce(l.versie, 1),
        gebruikerVersie: coalesce(p.versie, 1)} AS item
