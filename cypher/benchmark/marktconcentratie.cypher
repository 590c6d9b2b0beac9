// The national market of each reference component in $referentiecomponenten (null: every
// component with Gebruik), counting Gebruik of gemeenten that is not phased out: how many
// gemeenten use anything for it, and per leverancier [leverancier, gemeenten using one of its
// applications, [[application, gemeenten using it], ...]]. The applications are counted here
// rather than returned per Gebruik: reading 100,000 ids back cost more than counting them. Shared by
// marktconcentratie and leveranciersprofiel: graph_api/domain/analyse/drempel.py settles from
// it which national figures may be shown, the same for both and for adoptie.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"referentiecomponenten": null}
MATCH (c:Referentiecomponent)
WHERE $referentiecomponenten IS NULL OR c.id IN $referentiecomponenten
MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH c, u, g
WHERE u.status <> 'UITGEFASEERD' AND ($zicht.aggregaten OR $zicht.alleGebruik)
WITH c, count(DISTINCT g) AS gebruikers, collect([u, g.id]) AS paren
UNWIND paren AS paar
WITH c, gebruikers, paar[0] AS u, paar[1] AS g
MATCH (u)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH DISTINCT c, gebruikers, g, a.id AS a, l
WITH c, gebruikers, l, count(DISTINCT g) AS gemeenten, collect(a) AS gebruik, collect(DISTINCT a) AS applicaties
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent, gebruikers,
       collect([l.id, gemeenten, [x IN applicaties | [x, size([y IN gebruik WHERE y = x])]]]) AS leveranciers
