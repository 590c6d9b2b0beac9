// The open invitations (not expired at $nu) to the asker's own verified e-mail, oldest first, so
// that a front end can offer them right after sign-in; never the code's digest.
// zicht: $email is the asker's own, verified by its identity provider (graph_api/domain/organisaties/uitnodiging.py).
// params: {"email": "x@example.invalid", "nu": "2026-01-01T00:00:00.000Z"}
MATCH (o:Organisatie)<-[:UITNODIGING_VAN]-(i:Uitnodiging)
WHERE i.email = $email AND i.status = 'OPEN' AND i.verlooptOp > $nu
OPTIONAL MATCH (door:Gebruiker {id: i.uitgenodigdDoor})
RETURN i {.id, .email, .rollen, .verlooptOp, .versie, .aangemaakt, .aanvaardDoor, status: i.status,
          organisatie: o.id, uitgenodigdDoor: door.naam} AS item
ORDER BY i.aangemaakt, i.id
