// How many diensten pass the filter of dienst/lijst.
// params: {"tekst": null, "type": null, "leverancier": "lev-0001", "applicatie": null}
// The application of the filter is found once, not looked up again for every dienst.
OPTIONAL MATCH (applicatie:Applicatie {id: $applicatie})
WITH applicatie
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst)
WHERE ($tekst IS NULL OR toLower(d.naam) CONTAINS $tekst)
  AND ($type IS NULL OR d.type = $type)
  AND ($leverancier IS NULL OR l.id = $leverancier)
  AND ($applicatie IS NULL OR (d)-[:BIJ]->(applicatie))
RETURN count(d) AS aantal
