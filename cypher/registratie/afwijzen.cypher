// Rejects a registration with its reason ($eigenschappen), one versie up, and records it; the
// leverancier stays a concept, hidden from everyone but its own beheerders and functioneel
// beheer. Functioneel beheer only, an open registration at the versie expected; otherwise no row.
// params: {"id": "reg-onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "AFGEWEZEN", "reden": "x"}, "wijzigingen": [{"id": "wij-onbekend"}]}
MATCH (r:Registratie {id: $id})
WHERE $zicht.beheer
// Lock r before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET r:Registratie
WITH r
WHERE r.versie = $verwachteVersie AND r.status = 'INGEDIEND'
SET r += $eigenschappen
SET r.versie = $verwachteVersie + 1
WITH r
UNWIND $wijzigingen AS wijziging
CREATE (w:Wijziging)
SET w = wijziging
WITH r, count(w) AS records
RETURN r.id AS id, r.versie AS versie
