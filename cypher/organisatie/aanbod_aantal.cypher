// How many applications each leverancier offers that pass the filter of organisatie/aanbod.
// params: {"ids": ["lev-0001"], "tekst": null, "status": null}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND $ids AS sleutel
MATCH (l:Leverancier {id: sleutel})-[:BIEDT_AAN]->(a:Applicatie)
WITH sleutel, a
WHERE ($tekst IS NULL OR toLower(a.naam) CONTAINS $tekst)
  AND ($status IS NULL OR a.status = $status)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN sleutel, count(a) AS aantal
