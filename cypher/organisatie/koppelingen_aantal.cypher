// How many koppelingen in each organisation's landscape pass the filter of organisatie/koppelingen.
// Only for those who may see the whole landscape ($zicht).
// params: {"ids": ["GM0363"], "type": null, "status": "IN_PRODUCTIE", "standaard": null}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(kp:Koppeling)
WITH sleutel, o, kp
WHERE ($zicht.alleLandschappen OR o.id IN $zicht.landschappen)
  AND ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
RETURN sleutel, count(kp) AS aantal
