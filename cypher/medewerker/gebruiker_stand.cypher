// What a status change of a Gebruiker as a whole will find (functioneel beheer only): the
// Gebruiker, and the organisations it is the last active organisatie-beheerder (a person) of.
// No row when unknown or not visible.
// params: {"gebruiker": "onbekend"}
MATCH (p:Gebruiker {id: $gebruiker})
WHERE $zicht.beheer
OPTIONAL MATCH (p)-[l:LID_VAN]->(o:Organisatie)
WHERE coalesce(l.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN l.rollen
OPTIONAL MATCH (o)<-[lb:LID_VAN]-(b:Gebruiker)
WHERE b.id <> p.id AND b.status = 'ACTIEF' AND coalesce(b.soort, 'PERSOON') = 'PERSOON'
  AND coalesce(lb.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN lb.rollen
WITH p, o, count(b) AS anderen
WITH p, collect(CASE WHEN o IS NOT NULL AND anderen = 0 THEN o.id END) AS alleen
RETURN p {.id, .naam, .status, soort: coalesce(p.soort, 'PERSOON'), versie: coalesce(p.versie, 1)} AS gebruiker,
       CASE WHEN p.status = 'ACTIEF' AND coalesce(p.soort, 'PERSOON') = 'PERSOON' THEN alleen ELSE [] END AS alleen
