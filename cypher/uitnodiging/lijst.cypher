// A page of an organisation's invitations, for its organisatie-beheerders and functioneel beheer,
// of one state or all (an OPEN one past its expiry at $nu is VERLOPEN), newest first by
// `aangemaakt`, after a keyset cursor. Never the code's digest.
// params: {"organisatie": "GM0014", "status": null, "nu": "2026-01-01T00:00:00.000Z", "aflopend": true, "na": null, "limit": 5}
MATCH (o:Organisatie {id: $organisatie})<-[:UITNODIGING_VAN]-(i:Uitnodiging)
WITH o, i, CASE WHEN i.status = 'OPEN' AND i.verlooptOp <= $nu THEN 'VERLOPEN' ELSE i.status END AS status
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties) AND ($status IS NULL OR status = $status)
WITH o, i, status, i.aangemaakt AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND i.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND i.id > $na.id)))
OPTIONAL MATCH (door:Gebruiker {id: i.uitgenodigdDoor})
RETURN k, i {.id, .email, .rollen, .verlooptOp, .versie, .aangemaakt, .aanvaardDoor, status: status,
             organisatie: o.id, uitgenodigdDoor: door.naam} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE i.id END, CASE WHEN $aflopend THEN i.id END DESC
LIMIT $limit
