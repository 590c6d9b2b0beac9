// Facet counts over the full-text matches among the applications that pass the search
// filters: per reference component, hosting model, licence type and leverancier.
// params: {"treffers": [{"id": "app-00001", "score": 2.0}], "referentiecomponent": null, "hostingmodel": null, "licentietype": null, "leverancier": null}
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
MATCH (a)-[:REALISEERT]->(c:Referentiecomponent)
RETURN 'REFERENTIECOMPONENT' AS facet, c.id AS waarde, c.naam AS label, count(a) AS aantal
UNION ALL
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
UNWIND a.cloudModellen AS model
RETURN 'HOSTINGMODEL' AS facet, model AS waarde, model AS label, count(a) AS aantal
UNION ALL
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
RETURN 'LICENTIETYPE' AS facet, a.licentietype AS waarde, a.licentietype AS label, count(a) AS aantal
UNION ALL
UNWIND $treffers AS t
MATCH (a:Applicatie {id: t.id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
MATCH (a)<-[:BIEDT_AAN]-(l:Leverancier)
RETURN 'LEVERANCIER' AS facet, l.id AS waarde, l.naam AS label, count(a) AS aantal
