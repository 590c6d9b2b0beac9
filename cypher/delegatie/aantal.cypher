// How many delegations the asker may see pass the filter of delegatie/lijst.
// params: {"organisatie": null, "status": "ACTIEF", "vandaag": "2026-06-30"}
MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie)-[:GEDELEGEERD_AAN]->(o:Organisatie)
WHERE ($organisatie IS NULL OR v.id = $organisatie OR o.id = $organisatie)
  AND ($zicht.beheer OR v.id IN $zicht.leden OR o.id IN $zicht.leden)
WITH d, CASE WHEN d.ingetrokkenOp IS NOT NULL THEN 'INGETROKKEN'
             WHEN $vandaag < d.startDatum THEN 'TOEKOMSTIG'
             WHEN $vandaag > d.eindDatum THEN 'VERLOPEN'
             ELSE 'ACTIEF' END AS status
WHERE $status IS NULL OR status = $status
RETURN count(d) AS aantal
