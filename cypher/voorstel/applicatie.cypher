// The application each Gebruiksvoorstel proposes.
// zicht: the proposals were found through a query that applies it.
// params: {"ids": ["gvs-onbekend"]}
UNWIND $ids AS sleutel
MATCH (v:Gebruiksvoorstel {id: sleutel})-[:BETREFT]->(a:Applicatie)
RETURN sleutel, a {.*} AS item
