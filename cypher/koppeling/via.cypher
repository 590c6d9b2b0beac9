// The intermediary each koppeling runs through, if any.
// zicht: the koppelingen were found through a query that applies it; their ends lie in the same landscape.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:VIA]->(g:Gebruik)
RETURN sleutel, g {.id, .status, .startDatum, .eindDatum, .hosting, .versie} AS item
