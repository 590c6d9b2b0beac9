// How many diensten pass the filter of dienst/lijst (on offer unless $status says otherwise).
// params: {"tekst": null, "type": null, "status": null, "leverancier": "lev-0001", "applicatie": null}
// The application of the filter is found once, not looked up again for every dienst.
OPTIONAL MATCH (applicatie:Applicatie {id: $applicatie})
WITH applicatie
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst)
WHERE ($tekst IS NULL OR toLower(d.naam) CONTAINS $tekst)
  AND ($type IS NULL OR d.type = $type)
  AND coalesce(d.status, 'AANGEBODEN') = coalesce($status, 'AANGEBODEN')
  AND ($leverancier IS NULL OR l.id = $leverancier)
  AND ($applicatie IS NULL OR (d)-[:BIJ]->(applicatie))
RETURN count(d) AS aantal
