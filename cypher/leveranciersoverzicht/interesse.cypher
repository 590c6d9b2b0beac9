// The interest gemeenten showed in a leverancier's applications, newest first: who (the
// gemeente and the person's name) with the message and date. Only for the leverancier's own
// aanbod- and organisatie-beheerders and functioneel beheer: nobody else learns who showed it.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
MATCH (l)-[:BIEDT_AAN]->(a:Applicatie)<-[:INTERESSE_IN]-(i:Interesse)-[:GETOOND_DOOR]->(g:Gemeente)
OPTIONAL MATCH (p:Gebruiker {id: i.door})
RETURN i {.*, applicatie: a.id, gemeente: g.id, doorNaam: p.naam, label: 'Interesse'} AS item
ORDER BY i.aangemaakt DESC, i.id
