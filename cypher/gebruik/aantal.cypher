// How many Gebruik pass the filter of gebruik/lijst.
// params: {"applicatie": null, "referentiecomponent": null, "status": "VERWERVING", "hosting": null}
MATCH (:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE ($applicatie IS NULL OR a.id = $applicatie)
  AND ($status IS NULL OR g.status = $status)
  AND ($hosting IS NULL OR g.hosting = $hosting)
  AND ($referentiecomponent IS NULL OR (g)-[:VOOR]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN count(g) AS aantal
