// The version each Gebruik runs.
// zicht: the Gebruik were found through a query that applies it.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})-[:VERSIE]->(v:Versie)
RETURN sleutel, v {.*} AS item
