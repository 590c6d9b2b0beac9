// The standard versions each koppeling uses.
// zicht: the koppelingen were found through a query that applies it; their ends lie in the same landscape.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:VOLGENS]->(s:Standaardversie)
RETURN sleutel, s {.*, label: 'Standaardversie'} AS item
ORDER BY sleutel, s.naam
