// How many koppelingen in each organisation's landscape pass the filter of organisatie/koppelingen.
// params: {"ids": ["GM0363"], "type": null, "status": "IN_PRODUCTIE", "standaard": null}
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(kp:Koppeling)
WITH sleutel, kp
WHERE ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
RETURN sleutel, count(kp) AS aantal
