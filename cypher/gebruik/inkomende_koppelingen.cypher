// The koppelingen whose NAAR end is each Gebruik.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})<-[:NAAR]-(k:Koppeling)
RETURN sleutel, k {.*} AS item
ORDER BY sleutel, k.id
