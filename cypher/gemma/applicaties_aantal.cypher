// How many applications realise each component and pass the filter of gemma/applicaties.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"], "status": null}
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND $ids AS sleutel
MATCH (c:Referentiecomponent {id: sleutel})<-[:REALISEERT]-(a:Applicatie)
WITH sleutel, a
WHERE ($status IS NULL OR a.status = $status)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN sleutel, count(a) AS aantal
