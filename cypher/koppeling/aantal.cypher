// How many koppelingen pass the filter of koppeling/lijst.
// params: {"type": "DIGIKOPPELING", "status": null, "standaard": null}
MATCH (kp:Koppeling)
WHERE ($type IS NULL OR kp.type = $type)
  AND ($status IS NULL OR kp.status = $status)
  AND ($standaard IS NULL OR (kp)-[:VOLGENS]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
RETURN count(kp) AS aantal
