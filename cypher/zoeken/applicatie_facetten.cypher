// Facet counts over the full-text matches ($ids) among the applications that pass the search
// filters: per reference component, hosting model, licence type and leverancier.
// params: {"ids": ["app-00001", "app-00002"], "referentiecomponent": null, "hostingmodel": null, "licentietype": null, "leverancier": null}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
MATCH (a:Applicatie)
WHERE a.id IN $ids
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
MATCH (a)-[:REALISEERT]->(c:Referentiecomponent)
RETURN 'REFERENTIECOMPONENT' AS facet, c.id AS waarde, c.naam AS label, count(a) AS aantal
UNION ALL
MATCH (a:Applicatie)
WHERE a.id IN $ids
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
UNWIND a.cloudModellen AS model
RETURN 'HOSTINGMODEL' AS facet, model AS waarde, model AS label, count(a) AS aantal
UNION ALL
MATCH (a:Applicatie)
WHERE a.id IN $ids
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN 'LICENTIETYPE' AS facet, a.licentietype AS waarde, a.licentietype AS label, count(a) AS aantal
UNION ALL
MATCH (a:Applicatie)
WHERE a.id IN $ids
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
MATCH (a)<-[:BIEDT_AAN]-(l:Leverancier)
RETURN 'LEVERANCIER' AS facet, l.id AS waarde, l.naam AS label, count(a) AS aantal
