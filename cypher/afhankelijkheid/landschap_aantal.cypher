// How many Gebruik of one organisation's landscape pass the filter of afhankelijkheid/landschap.
// params: {"organisatie": "GM0363", "status": "IN_PRODUCTIE", "referentiecomponent": null}
MATCH (o:Organisatie {id: $organisatie})-[:GEBRUIKT]->(g:Gebruik)
WITH g
WHERE ($status IS NULL OR g.status = $status)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN count(g) AS aantal
