// The leverancier that made each Gebruiksvoorstel.
// zicht: the proposals were found through a query that applies it.
// params: {"ids": ["gvs-onbekend"]}
UNWIND $ids AS sleutel
MATCH (v:Gebruiksvoorstel {id: sleutel})-[:DOOR]->(l:Leverancier)
RETURN sleutel, l {.*, label: 'Leverancier'} AS item
