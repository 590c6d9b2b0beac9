// A page of the recorded changes (Wijziging) of the landscapes the asker may see whole, of one
// organisation's landscape or one object or all, at or after $sinds, newest first, after a
// keyset cursor. A record names its object by id, so the records of a deleted object still list.
// The person who made the change by name only, while the Gebruiker exists: the record is read by
// the landscape's own people, not by everyone who may see people ($zicht.organisaties).
// params: {"organisatie": "GM0363", "object": null, "sinds": "2026-01-01T00:00:00.000Z", "aflopend": true, "na": null, "limit": 5}
MATCH (w:Wijziging)
WHERE ($organisatie IS NULL OR w.organisatie = $organisatie)
  AND ($object IS NULL OR w.object = $object)
  AND ($sinds IS NULL OR w.tijdstip >= $sinds)
  // The records of an organisation's people are no landscape's: they list only for its
  // organisatie-beheerders and functioneel beheer, as Organisatie.medewerkers does.
  AND CASE WHEN w.objectLabel IN ['Uitnodiging', 'Lidmaatschap', 'Gebruiker']
           THEN $zicht.beheer OR w.organisatie IN $zicht.organisaties
           ELSE $zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen END
WITH w, w.tijdstip AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND w.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND w.id > $na.id)))
OPTIONAL MATCH (p:Gebruiker {id: w.actor})
RETURN k, w {.id, .tijdstip, .operatie, .object, .objectLabel, .organisatie, .actorOrganisatie,
             .voor, .na, .delegatie, door: p.naam} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE w.id END, CASE WHEN $aflopend THEN w.id END DESC
LIMIT $limit
