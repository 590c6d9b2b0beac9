// Rejects a Gebruiksvoorstel with its reason (in $eigenschappen) and records the change, in one
// statement. It matches only an open proposal to a gemeente the asker may change
// ($zicht.wijzigbaar, $zicht.beheer), at the versie the asker expects; otherwise it writes
// nothing and returns no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"voorstel": "onbekend", "verwachteVersie": 1, "eigenschappen": {"status": "AFGEWEZEN", "reden": "x"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel {id: $voorstel})
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
// Lock v before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET v:Gebruiksvoorstel
WITH o, v
WHERE v.versie = $verwachteVersie AND v.status = 'VOORGESTELD'
SET v += $eigenschappen
SET v.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.id AS id, v.versie AS versie
