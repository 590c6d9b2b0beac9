// The koppelingen with an end or intermediary at a Gebruik of the gemeenten a herindeling
// joins ($ids), for functioneel beheer only: each once, with its ends, intermediary and the
// standard versions it follows.
// params: {"ids": ["GM0014"]}
MATCH (o:Gemeente)-[:GEBRUIKT]->(:Gebruik)<-[:VAN|NAAR|VIA]-(k:Koppeling)
WHERE $zicht.beheer AND o.id IN $ids
WITH DISTINCT k
MATCH (k)-[:VAN]->(van:Gebruik)
MATCH (k)-[:NAAR]->(naar)
OPTIONAL MATCH (k)-[:VIA]->(via:Gebruik)
RETURN k {.*} AS koppeling, van.id AS van, naar.id AS naar, via.id AS via,
       [(k)-[:VOLGENS]->(s1:Standaardversie) | s1.id] AS volgens
ORDER BY k.id
