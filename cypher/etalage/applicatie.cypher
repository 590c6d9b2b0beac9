// The application of each etalage item.
// zicht: the items were found by a query that applies $zicht, and an item is seen where its application is.
// params: {"ids": ["eti-onbekend"]}
UNWIND $ids AS sleutel
MATCH (e:EtalageItem {id: sleutel})-[:TOONT]->(a:Applicatie)
RETURN sleutel, a {.*} AS item
