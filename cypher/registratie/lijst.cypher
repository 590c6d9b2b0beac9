// A page of the registrations of leveranciers, of one status or all, oldest first, after a
// keyset cursor: for functioneel beheer only, with the registrant's name and e-mail.
// params: {"status": "INGEDIEND", "aflopend": false, "na": null, "limit": 5}
MATCH (r:Registratie)-[:BETREFT]->(l:Leverancier)
WHERE $zicht.beheer AND ($status IS NULL OR r.status = $status)
WITH r, l, r.ingediendOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND r.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND r.id > $na.id)))
OPTIONAL MATCH (u:Gebruiker {id: r.ingediendDoor})
RETURN k, r {.*, leverancier: l.id, indiener: u.naam, indienerEmail: u.email} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE r.id END, CASE WHEN $aflopend THEN r.id END DESC
LIMIT $limit
