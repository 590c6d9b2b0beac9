// How many full-text matches among the applications pass the search filters.
// params: {"treffers": [{"id": "app-00001", "score": 2.0}], "referentiecomponent": null, "hostingmodel": "SAAS", "licentietype": null, "leverancier": null}
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN count(a) AS aantal
