// The organisation that granted each delegation.
// zicht: the delegations were found through a query that applies it.
// params: {"ids": ["dlg-onbekend"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:VERLEENT]->(:Delegatie {id: sleutel})
RETURN sleutel, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
