// The standard each standard version belongs to.
// params: {"ids": ["id-0239be96-a60d-4097-bb23-6df29f269d4e"]}
UNWIND $ids AS sleutel
MATCH (v:Standaardversie {id: sleutel})-[:VERSIE_VAN]->(s:Standaard)
RETURN sleutel, s {.*, label: 'Standaard'} AS item
