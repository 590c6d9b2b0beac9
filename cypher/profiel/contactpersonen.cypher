// The contact persons of organisations (F002), by name. Their e-mail and telephone only for an
// asker signed in with a role that counts somewhere (any of $zicht's reaches): personal data,
// for the catalogue's members, not for anonymous harvesting (docs/access.md, "Profile and
// memberships").
// zicht: the organisations were found through a query that applies $zicht (organisatie/per_id,
// lijst); name, function and subject are as public as the organisation.
// params: {"ids": ["GM0363", "lev-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:HEEFT_CONTACTPERSOON]->(c:Contactpersoon)
WITH sleutel, c,
     ($zicht.alleGebruik OR $zicht.aggregaten OR size($zicht.organisaties) > 0
      OR size($zicht.aanbod) > 0) AS bereikbaar
RETURN sleutel, c {.id, .naam, .functie, .onderwerp,
                   email: CASE WHEN bereikbaar THEN c.email END,
                   telefoon: CASE WHEN bereikbaar THEN c.telefoon END} AS item
ORDER BY sleutel, c.naam, c.id
