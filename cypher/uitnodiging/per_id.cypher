// Invitations by id, for their organisation's organisatie-beheerders and functioneel beheer; an
// OPEN one past its expiry at $nu reads as VERLOPEN. Never the code's digest.
// params: {"ids": ["uit-onbekend"], "nu": "2026-01-01T00:00:00.000Z"}
UNWIND $ids AS sleutel
MATCH (i:Uitnodiging {id: sleutel})-[:UITNODIGING_VAN]->(o:Organisatie)
WITH sleutel, i, o
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
OPTIONAL MATCH (door:Gebruiker {id: i.uitgenodigdDoor})
RETURN sleutel, i {.id, .email, .rollen, .verlooptOp, .versie, .aangemaakt, .aanvaardDoor,
                   status: CASE WHEN i.status = 'OPEN' AND i.verlooptOp <= $nu THEN 'VERLOPEN' ELSE i.status END,
                   organisatie: o.id, uitgenodigdDoor: door.naam} AS item
