// The Gebruik at the VAN end of each koppeling.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:VAN]->(g:Gebruik)
RETURN sleutel, g {.*} AS item
