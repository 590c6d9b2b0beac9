// "Gluren bij de buren": what each neighbour of a gemeente uses for one reference component
// (Gebruik that is not phased out), neighbours without any included.
// params: {"gemeente": "GM0363", "referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"}
MATCH (:Gemeente {id: $gemeente})-[:GRENST_AAN]-(b:Gemeente)
RETURN b {.*, label: 'Gemeente'} AS buur,
       [(b)-[:GEBRUIKT]->(u)-[:VOOR]->(c) WHERE c.id = $referentiecomponent AND u.status <> 'UITGEFASEERD' | u {.*}] AS gebruik
ORDER BY b.naam
