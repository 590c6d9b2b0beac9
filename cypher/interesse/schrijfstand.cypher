// An interest as trekInteresseIn will find it, for the people who may see it: the gemeente's
// own ($zicht.leden), the leverancier's aanbod- and organisatie-beheerders, functioneel beheer.
// No row for anyone else, as for an id that does not exist.
// params: {"interesse": "onbekend"}
MATCH (i:Interesse {id: $interesse})-[:GETOOND_DOOR]->(g:Gemeente)
MATCH (i)-[:INTERESSE_IN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WHERE $zicht.beheer OR g.id IN $zicht.leden OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
RETURN i {.*} AS interesse, g.id AS gemeente, a.id AS applicatie, l.id AS leverancier
