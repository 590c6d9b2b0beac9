// How many koppelingen the asker may see ($zicht) pass the filter of koppeling/lijst.
// params: {"type": "DIGIKOPPELING", "status": null, "standaard": null}
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
RETURN count(kp) AS aantal
