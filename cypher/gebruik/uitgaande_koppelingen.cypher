// The koppelingen whose VAN end is each Gebruik.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})<-[:VAN]-(k:Koppeling)
RETURN sleutel, k {.*} AS item
ORDER BY sleutel, k.id
