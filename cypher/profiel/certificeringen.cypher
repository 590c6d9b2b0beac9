// The certifications of organisations (F002), by name.
// zicht: the organisations were found through a query that applies $zicht (organisatie/per_id,
// lijst); a certification is as public as its organisation.
// params: {"ids": ["GM0363", "lev-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:HEEFT_CERTIFICERING]->(c:Certificering)
RETURN sleutel, c {.id, .naam, .uitgever, .geldigTot, .bewijsUrl} AS item
ORDER BY sleutel, c.naam, c.id
