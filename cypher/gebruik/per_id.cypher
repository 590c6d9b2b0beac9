// Gebruik by id.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})
RETURN sleutel, g {.*} AS item
