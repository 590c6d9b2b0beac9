// How many applications each leverancier offers that pass the filter of organisatie/aanbod.
// params: {"ids": ["lev-0001"], "tekst": null, "status": null}
UNWIND $ids AS sleutel
MATCH (l:Leverancier {id: sleutel})-[:BIEDT_AAN]->(a:Applicatie)
WITH sleutel, a
WHERE ($tekst IS NULL OR toLower(a.naam) CONTAINS $tekst)
  AND ($status IS NULL OR a.status = $status)
RETURN sleutel, count(a) AS aantal
