// A page of the delegations the asker may see (the people of the granting or the receiving
// organisation, functioneel beheer): granted or received by $organisatie (null: any), in
// $status on $vandaag (null: any), oldest grant first, after a keyset cursor.
// params: {"organisatie": null, "status": "ACTIEF", "vandaag": "2026-06-30", "aflopend": false, "na": null, "limit": 5}
MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie)-[:GEDELEGEERD_AAN]->(o:Organisatie)
WHERE ($organisatie IS NULL OR v.id = $organisatie OR o.id = $organisatie)
  AND ($zicht.beheer OR v.id IN $zicht.leden OR o.id IN $zicht.leden)
WITH d, CASE WHEN d.ingetrokkenOp IS NOT NULL THEN 'INGETROKKEN'
             WHEN $vandaag < d.startDatum THEN 'TOEKOMSTIG'
             WHEN $vandaag > d.eindDatum THEN 'VERLOPEN'
             ELSE 'ACTIEF' END AS status
WHERE $status IS NULL OR status = $status
WITH d, d.verleendOp AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND d.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND d.id > $na.id)))
RETURN k, d {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE d.id END, CASE WHEN $aflopend THEN d.id END DESC
LIMIT $limit
