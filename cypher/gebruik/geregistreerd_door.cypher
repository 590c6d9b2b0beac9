// The samenwerking that registered each Gebruik on behalf of its member, if any.
// zicht: the Gebruik were found through a query that applies it.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})<-[:REGISTREERT]-(s:Samenwerking)
RETURN sleutel, s {.*, label: 'Samenwerking'} AS item
