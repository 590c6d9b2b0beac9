// "Gluren bij de buren": what each neighbour of a gemeente uses for one reference component
// (Gebruik that is not phased out), neighbours without any included. Names gemeenten: only
// the Gebruik the asker may see ($zicht).
// params: {"gemeente": "GM0363", "referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"}
MATCH (:Gemeente {id: $gemeente})-[:GRENST_AAN]-(b:Gemeente)
OPTIONAL MATCH (b)-[:GEBRUIKT]->(u)-[:VOOR]->(c)
WHERE c.id = $referentiecomponent AND u.status <> 'UITGEFASEERD'
OPTIONAL MATCH (u)-[:VAN]->(a)
WITH b, CASE WHEN u IS NOT NULL AND ($zicht.alleGebruik OR b.id IN $zicht.landschappen OR a.id IN $zicht.producten)
             THEN u {.id, .status, .startDatum, .eindDatum, .hosting, .versie} END AS zichtbaar
WITH b, collect(zichtbaar) AS gebruik
RETURN b {.*, label: 'Gemeente'} AS buur, gebruik
ORDER BY b.naam
