// Registrations by id, for functioneel beheer and the organisatie- and aanbod-beheerders of
// the leverancier registered; for everyone else none, as for an unknown id.
// params: {"ids": ["reg-onbekend"]}
UNWIND $ids AS sleutel
MATCH (r:Registratie {id: sleutel})-[:BETREFT]->(l:Leverancier)
WITH sleutel, r, l
WHERE $zicht.beheer OR l.id IN $zicht.organisaties OR l.id IN $zicht.aanbod
OPTIONAL MATCH (u:Gebruiker {id: r.ingediendDoor})
RETURN sleutel, r {.*, leverancier: l.id, indiener: u.naam, indienerEmail: u.email} AS item
