// The registrations of the leveranciers whose organisatie- or aanbod-beheerder the asker is
// (the registrant and the colleagues who keep it): where each stands, and the reason of a
// rejection.
// params: {}
MATCH (r:Registratie)-[:BETREFT]->(l:Leverancier)
WHERE l.id IN $zicht.organisaties OR l.id IN $zicht.aanbod
OPTIONAL MATCH (u:Gebruiker {id: r.ingediendDoor})
RETURN r {.*, leverancier: l.id, indiener: u.naam, indienerEmail: u.email} AS item
ORDER BY r.ingediendOp, r.id
