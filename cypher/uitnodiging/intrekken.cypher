// Withdraws an open invitation (expired or not) and records it: only for its organisation's
// organisatie-beheerders and functioneel beheer, at the versie the asker expects. No row when
// nothing was written.
// zicht: a write; $zicht.organisaties is what the asker may change.
// params: {"id": "uit-onbekend", "verwachteVersie": 1, "tijdstip": "2026-01-01T00:00:00.000Z", "door": "onbekend", "wijziging": {"id": "wij-onbekend"}}
MATCH (i:Uitnodiging {id: $id})-[:UITNODIGING_VAN]->(o:Organisatie)
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
SET i:Uitnodiging
WITH i
WHERE i.versie = $verwachteVersie AND i.status = 'OPEN'
SET i.status = 'INGETROKKEN', i.versie = $verwachteVersie + 1, i.gewijzigdOp = $tijdstip,
    i.gewijzigdDoor = $door
CREATE (w:Wijziging)
SET w = $wijziging
RETURN i.id AS id
