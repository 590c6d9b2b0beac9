// A page of the koppelingen in each organisation's landscape (those starting at its Gebruik),
// filtered, ordered by id, after a keyset cursor.
// Only for those who may see the whole landscape ($zicht).
// params: {"ids": ["GM0363"], "type": "DIGIKOPPELING", "status": null, "standaard": null, "aflopend": false, "na": null, "limit": 5}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(kp:Koppeling)
WITH sleutel, o, kp
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
  AND ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
  AND ($na IS NULL OR ($aflopend AND kp.id < $na.id) OR (NOT $aflopend AND kp.id > $na.id))
WITH sleutel, kp
ORDER BY sleutel, CASE WHEN $aflopend THEN null ELSE kp.id END, CASE WHEN $aflopend THEN kp.id END DESC
WITH sleutel, collect({k: kp.id, item: kp {.*}}) AS rijen
RETURN sleutel, rijen[0..$limit] AS rijen
