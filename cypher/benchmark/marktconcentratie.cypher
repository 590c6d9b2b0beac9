// Market concentration per reference component: the Herfindahl-Hirschman index (the sum of
// squared market shares in percent, 0-10,000) over its applications or leveranciers ($per),
// shares by Gebruik that is not phased out. Components used by fewer than $minimaleGroep
// gemeenten are left out. $referentiecomponent narrows to one, or null for all.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"referentiecomponent": null, "per": "APPLICATIE", "minimaleGroep": 5, "limit": 10}
MATCH (c:Referentiecomponent)
WHERE $referentiecomponent IS NULL OR c.id = $referentiecomponent
MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH c, u, g
WHERE u.status <> 'UITGEFASEERD' AND ($zicht.aggregaten OR $zicht.alleGebruik)
WITH c, count(DISTINCT g) AS gemeenten, collect(u) AS gebruiken
WHERE gemeenten >= $minimaleGroep
UNWIND gebruiken AS u
MATCH (u)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH c, gemeenten, size(gebruiken) AS totaal, CASE $per WHEN 'LEVERANCIER' THEN l.id ELSE a.id END AS waarde, count(u) AS n
WITH c, gemeenten, totaal, collect(n) AS aantallen
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent, gemeenten, totaal, size(aantallen) AS aanbieders,
       reduce(h = 0.0, x IN aantallen | h + (100.0 * x / totaal) * (100.0 * x / totaal)) AS hhi,
       toFloat(reduce(m = 0, x IN aantallen | CASE WHEN x > m THEN x ELSE m END)) / totaal AS grootsteAandeel
ORDER BY hhi DESC, c.id
LIMIT $limit
