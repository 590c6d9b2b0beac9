// How many requests for access pass the filter of toegangsverzoek/lijst.
// params: {"organisatie": null, "status": "INGEDIEND"}
MATCH (t:Toegangsverzoek)-[:AAN]->(o:Organisatie)
WITH t, o
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties)
  AND ($organisatie IS NULL OR o.id = $organisatie)
  AND ($status IS NULL OR t.status = $status)
RETURN count(t) AS aantal
