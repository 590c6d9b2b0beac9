// A page of reviews in every state, for who keeps them: functioneel beheer (all of them; the
// ones waiting are its moderation list) and the people of the author organisation's landscape
// (its own, with the reason of a rejection); filtered by status and organisation, the longest
// unchanged first, after a keyset cursor.
// zicht: $zicht.beheer OR o.id IN $zicht.landschappen: the reviewing organisation's landscape.
// params: {"status": "INGEDIEND", "organisatie": null, "aflopend": false, "na": null, "limit": 5}
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling)-[:OVER]->(x)
WITH o, b, x
WHERE ($zicht.beheer OR o.id IN $zicht.landschappen)
  AND ($status IS NULL OR b.status = $status)
  AND ($organisatie IS NULL OR o.id = $organisatie)
WITH o, b, x, b.gewijzigdOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND b.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND b.id > $na.id)))
RETURN k, b {.id, .score, .tekst, .status, .reden, .antwoord, .beantwoordOp, .goedgekeurdOp, .versie,
             .gewijzigdOp, organisatie: o.id, object: x.id,
             objectLabel: CASE WHEN 'Applicatie' IN labels(x) THEN 'Applicatie' ELSE 'Dienst' END} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE b.id END, CASE WHEN $aflopend THEN b.id END DESC
LIMIT $limit
