// The national market of each reference component the leverancier's applications realise, as
// benchmark/marktconcentratie counts it (Gebruik of gemeenten that is not phased out: how many
// gemeenten use anything for it, and per leverancier [leverancier, gemeenten, [[application,
// gemeenten], ...]]), for the leverancier's own beheerders and functioneel beheer.
// zicht: an aggregate for the leverancier's view: graph_api/domain/interesse/overzicht.py shows
// only its own share of it, under the group floor (drempel.vendor_share), and no other
// leverancier; nothing for anyone but the leverancier's beheerders.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
MATCH (l)-[:BIEDT_AAN]->(:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
WITH DISTINCT c
MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH c, u, g
WHERE u.status <> 'UITGEFASEERD'
WITH c, count(DISTINCT g) AS gebruikers, collect([u, g.id]) AS paren
UNWIND paren AS paar
WITH c, gebruikers, paar[0] AS u, paar[1] AS g
MATCH (u)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH DISTINCT c, gebruikers, g, a.id AS a, l
WITH c, gebruikers, l, count(DISTINCT g) AS gemeenten, collect(a) AS gebruik, collect(DISTINCT a) AS applicaties
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent, gebruikers,
       collect([l.id, gemeenten, [x IN applicaties | [x, size([y IN gebruik WHERE y = x])]]]) AS leveranciers
