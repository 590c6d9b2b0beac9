// A page of full-text matches among the applications, narrowed by the search filters,
// best first, after a keyset cursor on (score, id).
// params: {"treffers": [{"id": "app-00001", "score": 2.0}], "referentiecomponent": null, "hostingmodel": null, "licentietype": null, "leverancier": null, "na": null, "limit": 5}
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND ($na IS NULL OR t.score < $na.k OR (t.score = $na.k AND a.id > $na.id))
RETURN t.score AS k, a {.*} AS item
ORDER BY t.score DESC, a.id
LIMIT $limit
