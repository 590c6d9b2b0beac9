// A leverancier's market share per reference component its applications realise: how many
// gemeenten use one of its applications for it, of all gemeenten using something for it
// (Gebruik not phased out). Components used by fewer than $minimaleGroep gemeenten are left out.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"leverancier": "lev-0001", "minimaleGroep": 5}
MATCH (l:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
WITH DISTINCT l, c
WITH c, [(l)-[:BIEDT_AAN]->(x) | x.id] AS eigen
MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH c, eigen, u, g
WHERE u.status <> 'UITGEFASEERD' AND ($zicht.aggregaten OR $zicht.alleGebruik)
MATCH (u)-[:VAN]->(a:Applicatie)
WITH c, count(DISTINCT g) AS gemeenten, collect(DISTINCT CASE WHEN a.id IN eigen THEN g.id END) AS klanten
WHERE gemeenten >= $minimaleGroep
WITH c, gemeenten, size(klanten) AS aantal
// An ORDER BY after RETURN sees RETURN's names first on Neo4j and the earlier ones on
// FalkorDB: it names nothing RETURN renames.
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent, gemeenten, aantal AS klanten
ORDER BY toFloat(aantal) / gemeenten DESC, c.naam
