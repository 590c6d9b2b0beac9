// Merges a concept application into a published one ($doel): every Gebruik of the concept (and
// so its koppelingen, which point at the Gebruik), every Gebruiksvoorstel and etalage item of it move to
// $doel, each Gebruik one versie up; the concept goes, with the concept leveranciers of
// $leveranciers that offer nothing else; a Wijziging for each moved Gebruik and the concept.
// It matches only, for functioneel beheer, a concept at the Gebruik the read before saw
// ($gebruik) and a published $doel that none of their organisations uses; otherwise no row.
// zicht: a write; only $zicht.beheer may merge.
// params: {"id": "app-onbekend", "doel": "app-onbekend-2", "gebruik": [], "leveranciers": [], "tijdstip": "2026-06-30T09:15:00.000Z", "door": "gebruiker-onbekend", "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (c:Applicatie {id: $id})
WHERE $zicht.beheer AND c.gemeldDoor IS NOT NULL
MATCH (d:Applicatie {id: $doel})
WHERE d.gemeldDoor IS NULL
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(c)
WITH c, d, collect(g) AS gebruik, collect(o.id) AS organisaties
WHERE size(gebruik) = size($gebruik) AND all(g IN gebruik WHERE g.id IN $gebruik)
OPTIONAL MATCH (u:Organisatie)-[:GEBRUIKT]->(:Gebruik)-[:VAN]->(d)
WHERE u.id IN organisaties
WITH c, d, gebruik, count(u) AS dubbel
WHERE dubbel = 0
OPTIONAL MATCH (v:Gebruiksvoorstel)-[:BETREFT]->(c)
WITH c, d, gebruik, collect(v) AS voorstellen
WITH c, d, gebruik, voorstellen, [(e:EtalageItem)-[:TOONT]->(c) | e] AS etalage
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(c)
WHERE l.id IN $leveranciers AND l.gemeldDoor IS NOT NULL
WITH c, d, gebruik, voorstellen, etalage, collect(l) AS leveranciers
FOREACH (g IN gebruik |
  CREATE (g)-[:VAN]->(d)
  SET g.versie = coalesce(g.versie, 1) + 1, g.gewijzigdOp = $tijdstip, g.gewijzigdDoor = $door)
FOREACH (v IN voorstellen | CREATE (v)-[:BETREFT]->(d))
FOREACH (e IN etalage | CREATE (e)-[:TOONT]->(d))
FOREACH (l IN leveranciers | DETACH DELETE l)
DETACH DELETE c
WITH d, size(gebruik) AS verplaatst
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH d, verplaatst, count(w) AS records
RETURN d.id AS id, verplaatst
