// Publishes a concept application, and the concept leveranciers of $leveranciers that offer
// it: status ACTIEF and the gemeldDoor marker gone, so every catalogue read shows them; a
// Wijziging for each. Functioneel beheer only, a concept only; otherwise no row.
// zicht: a write; only $zicht.beheer may publish.
// params: {"id": "app-onbekend", "leveranciers": [], "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (c:Applicatie {id: $id})
WHERE $zicht.beheer AND c.gemeldDoor IS NOT NULL
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(c)
WHERE l.id IN $leveranciers AND l.gemeldDoor IS NOT NULL
WITH c, collect(l) AS leveranciers
SET c.status = 'ACTIEF', c.gemeldDoor = null
FOREACH (l IN leveranciers | SET l.status = 'ACTIEF', l.gemeldDoor = null)
WITH c
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH c, count(w) AS records
RETURN c.id AS id
