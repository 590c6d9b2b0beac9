// Approves a registration: its status and who decided when ($eigenschappen), one versie up;
// the leverancier becomes ACTIEF and loses its gemeldDoor marker, so every catalogue read shows
// it (its applications keep theirs: concept products are checked one by one); a Wijziging for
// each. Functioneel beheer only, an open registration at the versie expected; otherwise no row.
// params: {"id": "reg-onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "GOEDGEKEURD"}, "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (r:Registratie {id: $id})-[:BETREFT]->(l:Leverancier)
WHERE $zicht.beheer
// Lock r before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET r:Registratie
WITH r, l
WHERE r.versie = $verwachteVersie AND r.status = 'INGEDIEND'
SET r += $eigenschappen
SET r.versie = $verwachteVersie + 1
SET l.status = 'ACTIEF', l.gemeldDoor = null
WITH r
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH r, count(w) AS records
RETURN r.id AS id, r.versie AS versie
