// The koppelingen of an organisation's landscape for an export (graph_api/uitwisseling/lezen.py),
// in one read: those starting at its Gebruik, with both ends, the intermediary and the standard
// versions. Only for those who may see the whole landscape ($zicht), by organisatie/koppelingen's rule.
// params: {"organisatie": "GM0363"}
MATCH (o:Organisatie {id: $organisatie})-[:GEBRUIKT]->(eind:Gebruik)<-[:VAN]-(kp:Koppeling)
WITH o, eind, kp
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
MATCH (kp)-[:NAAR]->(n)
OPTIONAL MATCH (kp)-[:VIA]->(tussen:Gebruik)
OPTIONAL MATCH (kp)-[:VOLGENS]->(s:Standaardversie)
WITH kp, eind, n, tussen, s
ORDER BY s.naam, s.gemmaId
WITH kp, eind, n, tussen, collect(CASE WHEN s IS NULL THEN null ELSE {gemmaId: s.gemmaId, naam: s.naam, id: s.id} END) AS standaarden
RETURN kp {.id, .type, .richting, .status, .beschrijving} AS koppeling, eind.id AS van,
       CASE WHEN 'Gebruik' IN labels(n) THEN n.id END AS naar,
       CASE WHEN 'Gebruik' IN labels(n) THEN null ELSE {gemmaId: n.gemmaId, naam: n.naam, id: n.id} END AS voorziening,
       tussen.id AS via, standaarden
ORDER BY kp.id
