// The standard versions each koppeling uses.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (k:Koppeling {id: sleutel})-[:VOLGENS]->(s:Standaardversie)
RETURN sleutel, s {.*, label: 'Standaardversie'} AS item
ORDER BY sleutel, s.naam
