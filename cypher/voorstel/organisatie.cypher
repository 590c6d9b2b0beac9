// The gemeente each Gebruiksvoorstel is made to.
// zicht: the proposals were found through a query that applies it.
// params: {"ids": ["gvs-onbekend"]}
UNWIND $ids AS sleutel
MATCH (v:Gebruiksvoorstel {id: sleutel})-[:AAN]->(o:Gemeente)
RETURN sleutel, o {.*, label: 'Gemeente'} AS item
