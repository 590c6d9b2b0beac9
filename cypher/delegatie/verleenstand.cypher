// What a grant of a delegation refers to, read before the write to name what is wrong: the kind
// of each organisation (its label besides Organisatie; null when there is none, or it is a
// concept the asker may not see), and whether the receiving one holds the role from the
// granting one already, now or later (neither withdrawn nor expired on $vandaag).
// zicht: names only organisations, which the catalogue shows, and whether the one grants the
// other this role, which graph_api/domain/organisaties/delegatie.py tells only the granting
// organisation's organisatie-beheerder (it refuses anyone else before reading this).
// params: {"organisatie": "GM0363", "aan": "lev-0001", "rol": "GEBRUIK_BEHEERDER", "vandaag": "2026-06-30"}
OPTIONAL MATCH (v:Organisatie {id: $organisatie})
WHERE v.gemeldDoor IS NULL OR $zicht.beheer OR v.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (o:Organisatie {id: $aan})
WHERE o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (v)-[:VERLEENT]->(d:Delegatie)-[:GEDELEGEERD_AAN]->(o)
WHERE d.rol = $rol AND d.ingetrokkenOp IS NULL AND d.eindDatum >= $vandaag
WITH v, o, count(d) AS bestaand
RETURN CASE WHEN v IS NULL THEN null ELSE [x IN labels(v) WHERE x <> 'Organisatie'][0] END AS verlener,
       CASE WHEN o IS NULL THEN null ELSE [x IN labels(o) WHERE x <> 'Organisatie'][0] END AS ontvanger,
       bestaand
