// Koppelingen as a write finds them: every property, the organisation whose landscape holds
// them (that of the VAN Gebruik), their ends, intermediary and standard versions by id. Read
// before a change, to say which error an impossible write is and what the change record holds
// before; for every koppeling a deleted Gebruik takes with it, too.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling {id: sleutel})-[:NAAR]->(n)
WITH o, u, k, n
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
RETURN k {.*} AS koppeling, o.id AS organisatie, u.id AS van, n.id AS naar,
       [(k)-[:VIA]->(i) | i.id] AS via,
       [(k)-[:VOLGENS]->(sv) | sv.id] AS standaardversies
ORDER BY k.id
