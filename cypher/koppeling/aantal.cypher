// How many koppelingen pass the filter of koppeling/lijst.
// params: {"organisatie": "GM0363", "type": "DIGIKOPPELING", "status": null, "standaard": null}
MATCH (o:Organisatie)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(kp:Koppeling)
WHERE ($organisatie IS NULL OR o.id = $organisatie)
  AND ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
RETURN count(kp) AS aantal
