// Koppelingen by id.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})
RETURN sleutel, k {.*} AS item
