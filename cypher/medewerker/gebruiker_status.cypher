// Deactivates or reactivates a Gebruiker as a whole, in every organisation ($status), versie one
// up, and records it: functioneel beheer only, at the versie it expects. Deactivating writes
// nothing while the person is the last active organisatie-beheerder of an organisation (as
// medewerker/wijzigen). No row when nothing was written.
// zicht: a write; only $zicht.beheer may.
// params: {"gebruiker": "onbekend", "verwachteVersie": 1, "status": "GEDEACTIVEERD", "wijziging": {"id": "wij-onbekend"}}
MATCH (p:Gebruiker {id: $gebruiker})
WHERE $zicht.beheer
OPTIONAL MATCH (p)-[l:LID_VAN]->(o:Organisatie)
WHERE coalesce(l.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN l.rollen
// Lock the organisations it keeps, and the person, before counting and reading the versie.
WITH p, collect(o) AS beheerd
FOREACH (x IN beheerd | SET x:Organisatie)
SET p:Gebruiker
WITH p, beheerd
WHERE coalesce(p.versie, 1) = $verwachteVersie
UNWIND CASE WHEN size(beheerd) = 0 THEN [null] ELSE beheerd END AS o
OPTIONAL MATCH (o)<-[lb:LID_VAN]-(b:Gebruiker)
WHERE b.id <> p.id AND b.status = 'ACTIEF' AND coalesce(b.soort, 'PERSOON') = 'PERSOON'
  AND coalesce(lb.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN lb.rollen
WITH p, o, count(b) AS anderen
WITH p, collect(CASE WHEN o IS NOT NULL AND anderen = 0 THEN o.id END) AS alleen
WHERE $status = 'ACTIEF' OR size(alleen) = 0 OR p.status <> 'ACTIEF' OR coalesce(p.soort, 'PERSOON') <> 'PERSOON'
SET p.status = $status, p.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN p.id AS id, p.versie AS versie
