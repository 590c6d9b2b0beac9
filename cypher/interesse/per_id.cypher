// Interests by id, for the people who may see them: the gemeente's own ($zicht.leden), the
// leverancier's aanbod- and organisatie-beheerders, functioneel beheer; nothing for others.
// params: {"ids": ["onbekend"]}
UNWIND $ids AS sleutel
MATCH (i:Interesse {id: sleutel})-[:GETOOND_DOOR]->(g:Gemeente)
MATCH (i)-[:INTERESSE_IN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WHERE $zicht.beheer OR g.id IN $zicht.leden OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
OPTIONAL MATCH (p:Gebruiker {id: i.door})
RETURN sleutel, i {.*, applicatie: a.id, gemeente: g.id, doorNaam: p.naam, label: 'Interesse'} AS item
