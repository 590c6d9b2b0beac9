// A page of full-text matches among the applications, narrowed by the search filters,
// best first, after a keyset cursor on (score, id). $ids and $scores: the matches and
// their scores, pairwise.
// params: {"ids": ["app-00001", "app-00002"], "scores": [2.0, 1.5], "referentiecomponent": null, "hostingmodel": null, "licentietype": null, "leverancier": null, "na": null, "limit": 5}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS id, $scores[i] AS k
MATCH (a:Applicatie {id: id})
WHERE ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
  AND ($na IS NULL OR k < $na.k OR (k = $na.k AND a.id > $na.id))
RETURN k, a {.*} AS item
ORDER BY k DESC, a.id
LIMIT $limit
