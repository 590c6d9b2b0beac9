// Deletes a koppeling, with the KOPPELT relationships derived from it, and records the change
// (a Wijziging), in one statement. It matches only a koppeling of an organisation the asker may
// change, at the versie the asker expects; otherwise it writes nothing and returns no row.
// KOPPELT is found from the VAN end one direction at a time: FalkorDB's undirected pattern
// comprehension missed the incoming ones.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"koppeling": "onbekend", "verwachteVersie": 1, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling {id: $koppeling})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock k before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET k:Koppeling
WITH u, k
WHERE coalesce(k.versie, 1) = $verwachteVersie
WITH k, [(u)-[kr1:KOPPELT]->() WHERE kr1.koppelingId = k.id | kr1] +
     [(u)<-[kr2:KOPPELT]-() WHERE kr2.koppelingId = k.id | kr2] AS afgeleid
FOREACH (kr IN afgeleid | DELETE kr)
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE k
RETURN $koppeling AS id
