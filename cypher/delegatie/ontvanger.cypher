// The organisation whose people hold each delegation.
// zicht: the delegations were found through a query that applies it.
// params: {"ids": ["dlg-onbekend"]}
UNWIND $ids AS sleutel
MATCH (:Delegatie {id: sleutel})-[:GEDELEGEERD_AAN]->(o:Organisatie)
RETURN sleutel, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
