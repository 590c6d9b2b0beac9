// Publishes a concept application, with its concept modules ($modules: they are part of it)
// and the concept leveranciers of $leveranciers that offer it: status ACTIEF and the gemeldDoor
// marker gone (a reason it was sent back with too), so every catalogue read shows them; the
// application's versie one up; a Wijziging for each. Functioneel beheer only, a concept only,
// not a module of a concept product, nor a product of a leverancier whose own registration
// waits (F001: approving it is another decision); otherwise no row.
// zicht: a write; only $zicht.beheer may publish.
// params: {"id": "app-onbekend", "modules": [], "leveranciers": [], "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (c:Applicatie {id: $id})
WHERE $zicht.beheer AND c.gemeldDoor IS NOT NULL
OPTIONAL MATCH (c)-[:ONDERDEEL_VAN]->(p:Applicatie)
WHERE p.gemeldDoor IS NOT NULL
WITH c, count(p) AS conceptProduct
OPTIONAL MATCH (eigen:Leverancier)-[:BIEDT_AAN]->(c)
WHERE eigen.gemeldDoor = eigen.id
WITH c, conceptProduct, count(eigen) AS wachtend
WHERE conceptProduct = 0 AND wachtend = 0
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(c)
WHERE l.id IN $leveranciers AND l.gemeldDoor IS NOT NULL
WITH c, collect(l) AS leveranciers
OPTIONAL MATCH (m:Applicatie)-[:ONDERDEEL_VAN]->(c)
WHERE m.id IN $modules AND m.gemeldDoor IS NOT NULL
WITH c, leveranciers, collect(m) AS modules
SET c.status = 'ACTIEF', c.gemeldDoor = null, c.afwijzingsreden = null, c.versie = coalesce(c.versie, 1) + 1
FOREACH (l IN leveranciers | SET l.status = 'ACTIEF', l.gemeldDoor = null)
FOREACH (m IN modules |
  SET m.status = 'ACTIEF', m.gemeldDoor = null, m.afwijzingsreden = null, m.versie = coalesce(m.versie, 1) + 1)
WITH c
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH c, count(w) AS records
RETURN c.id AS id
