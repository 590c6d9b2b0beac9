// The intermediary each koppeling runs through, if any.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:VIA]->(g:Gebruik)
RETURN sleutel, g {.*} AS item
