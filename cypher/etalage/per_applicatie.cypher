// The etalage of each application: its items, in the order they were added.
// zicht: the applications were found by a query that applies $zicht (a concept's only for who sees it).
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:TOONT]-(e:EtalageItem)
RETURN sleutel, e {.*} AS item
ORDER BY sleutel, e.aangemaaktOp, e.id
