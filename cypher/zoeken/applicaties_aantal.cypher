// How many full-text matches ($ids) among the applications pass the search filters.
// params: {"ids": ["app-00001", "app-00002"], "referentiecomponent": null, "hostingmodel": "SAAS", "licentietype": null, "leverancier": null}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
MATCH (a:Applicatie)
WHERE a.id IN $ids
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN count(a) AS aantal
