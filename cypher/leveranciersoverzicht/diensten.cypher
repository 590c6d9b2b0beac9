// A leverancier's diensten, retired ones too, each with how many Gebruik take it, by name; for
// its own beheerders and functioneel beheer.
// zicht: a count of the Gebruik taking the leverancier's own dienst, shown only to that
// leverancier (its customers for it); no Gebruik or organisation is named (docs/access.md).
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})-[:LEVERT]->(d:Dienst)
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
RETURN d {.*} AS dienst, size([(d)<-[:NEEMT_AF]-(g:Gebruik) | g.id]) AS afnemers
ORDER BY toLower(d.naam), d.id
