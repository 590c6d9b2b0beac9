// The standard versions each version complies with, and the evidence where given.
// params: {"ids": ["app-00001-v1"]}
UNWIND $ids AS sleutel
MATCH (v:Versie {id: sleutel})-[o:ONDERSTEUNT]->(s:Standaardversie)
RETURN sleutel, {bewijs: o.bewijs, standaardversie: s {.*, label: 'Standaardversie'}} AS item
ORDER BY sleutel, s.naam
