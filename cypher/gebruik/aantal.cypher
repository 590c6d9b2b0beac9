// How many Gebruik pass the filter of gebruik/lijst.
// params: {"organisatie": null, "applicatie": null, "referentiecomponent": null, "status": "VERWERVING", "hosting": null}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE ($organisatie IS NULL OR o.id = $organisatie)
  AND ($applicatie IS NULL OR a.id = $applicatie)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN count(g) AS aantal
