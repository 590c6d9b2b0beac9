// A page of the koppelingen of all landscapes, filtered, ordered by id, after a keyset cursor.
// Only the landscapes the asker may see ($zicht).
// params: {"type": null, "status": null, "standaard": null, "aflopend": false, "na": null, "limit": 5}
// The visible organisations first: an asker who sees few landscapes walks only those.
// The standard of the filter is found once, not looked up again for every koppeling.
OPTIONAL MATCH (standaard:Standaard {id: $standaard})
WITH standaard
MATCH (o:Organisatie)
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
WITH o, standaard
MATCH (o)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(kp:Koppeling)
WHERE ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(standaard))
  AND ($na IS NULL OR ($aflopend AND kp.id < $na.id) OR (NOT $aflopend AND kp.id > $na.id))
RETURN kp.id AS k, kp {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE kp.id END, CASE WHEN $aflopend THEN kp.id END DESC
LIMIT $limit
