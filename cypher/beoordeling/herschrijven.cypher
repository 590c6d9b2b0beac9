// Writes an organisation's review again, and records it (a Wijziging), in one statement: score
// and text anew, back to moderation (INGEDIEND; reden and the leverancier's answer to the old
// text gone), versie one up. It matches only a review of an organisation whose landscape the
// asker may change ($zicht.wijzigbaar), locked before its versie is read, at the versie
// expected, of an object the organisation still uses and that is not retired; otherwise no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see, and the Gebruik
// read is of that organisation only.
// params: {"organisatie": "onbekend", "object": "onbekend", "verwachteVersie": 1, "eigenschappen": {"score": 3}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x)
WHERE o.id IN $zicht.wijzigbaar AND x.id = $object
// Lock b before reading its versie (see gebruik/wijzigen): Neo4j reads without locks.
SET b:Beoordeling
WITH o, b, x
WHERE b.versie = $verwachteVersie AND NOT coalesce(x.status, '') IN ['TERUGGETROKKEN', 'INGETROKKEN']
// FalkorDB finds a pattern comprehension's value only when a WITH names it.
WITH b, size([(o)-[:GEBRUIKT]->(g)-[:VAN|NEEMT_AF]->(x) WHERE g.status <> 'UITGEFASEERD' | g]) AS gebruik
WHERE gebruik > 0
SET b += $eigenschappen
SET b.versie = $verwachteVersie + 1
REMOVE b.reden, b.antwoord, b.beantwoordOp, b.beantwoordDoor, b.goedgekeurdOp
CREATE (w:Wijziging)
SET w = $wijziging
RETURN b.id AS id, b.versie AS versie
