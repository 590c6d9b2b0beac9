// The versions of each standard.
// params: {"ids": ["id-00e5e5a29a48461d9218b1113d7186c5"]}
UNWIND $ids AS sleutel
MATCH (s:Standaard {id: sleutel})<-[:VERSIE_VAN]-(v:Standaardversie)
RETURN sleutel, v {.*, label: 'Standaardversie'} AS item
ORDER BY sleutel, v.naam, v.id
