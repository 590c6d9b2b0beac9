// The organisation whose landscape each Gebruik belongs to.
// zicht: the Gebruik were found through a query that applies it.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})<-[:GEBRUIKT]-(o:Organisatie)
RETURN sleutel, o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS item
