// The koppelingen an import is planned against: every koppeling from a Gebruik of the
// organisation, with its ends, intermediary and standard versions by id.
// zicht: a write's plan; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "GM0014"}
MATCH (o:Organisatie {id: $organisatie})
WITH o
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
MATCH (o)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
RETURN properties(k) AS koppeling, u.id AS van, n.id AS naar,
       [(k)-[:VIA]->(x) | x.id] AS via,
       [(k)-[:VOLGENS]->(sv) | sv.id] AS standaardversies
