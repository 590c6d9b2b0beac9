// Offers a new dienst of a leverancier on applications (BIJ; its own or other leveranciers'),
// and records it (a Wijziging), in one statement. It matches only a leverancier whose aanbod the
// asker may keep ($zicht.aanbod, or $zicht.beheer) and every application asked for, all of
// them published (no `gemeldDoor`: a dienst would show a concept to everyone); otherwise it
// writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"leverancier": "onbekend", "applicaties": [], "dienst": {"id": "dst-onbekend", "naam": "Onbekend", "type": "HOSTING", "status": "AANGEBODEN", "versie": 1}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier {id: $leverancier})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod) AND l.gemeldDoor IS NULL
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties AND a.gemeldDoor IS NULL
WITH l, collect(a) AS applicaties
WHERE size($applicaties) > 0 AND size(applicaties) = size($applicaties)
CREATE (l)-[:LEVERT]->(d:Dienst)
SET d = $dienst
FOREACH (a IN applicaties | CREATE (d)-[:BIJ]->(a))
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id, d.versie AS versie
