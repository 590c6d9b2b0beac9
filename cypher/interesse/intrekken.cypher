// A gemeente withdraws its interest: the Interesse goes and the change is recorded (a
// Wijziging), in one statement, only for a member of the gemeente ($zicht.leden) and at the
// versie expected (the interest locked before its versie is read); otherwise it writes nothing
// and returns no row.
// zicht: a write; $zicht.leden: the asker's own organisations.
// params: {"interesse": "onbekend", "verwachteVersie": 1, "wijziging": {"id": "wij-onbekend"}}
MATCH (i:Interesse {id: $interesse})-[:GETOOND_DOOR]->(g:Gemeente)
WHERE g.id IN $zicht.leden
SET i:Interesse
WITH i
WHERE i.versie = $verwachteVersie
WITH i, i.id AS id
DETACH DELETE i
CREATE (w:Wijziging)
SET w = $wijziging
RETURN id
