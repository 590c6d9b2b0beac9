// Changes one person's membership of an organisation: its roles ($rollen, null: as they are)
// and its status ($status, null: as it is), versie one up, and records the change (a
// Wijziging), in one statement. Only for the organisation's organisatie-beheerders and
// functioneel beheer, at the versie the asker expects, and never so that the organisation
// loses its last active organisatie-beheerder (a person): the write that would take the role
// from, or deactivate, the only one left writes nothing ($blijftBeheerder: whether the person
// is one after the change). No row when nothing was written.
// zicht: a write; $zicht.organisaties is what the asker may change.
// params: {"organisatie": "onbekend", "gebruiker": "onbekend", "verwachteVersie": 1, "rollen": null, "status": null, "blijftBeheerder": true, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
// Lock the organisation before reading: every membership write of it does, so on Neo4j two
// beheerders deactivating each other at once cannot both count the other as the one left,
// and the membership's versie is read after any write holding the lock has committed.
SET o:Organisatie
WITH o
MATCH (o)<-[l:LID_VAN]-(p:Gebruiker {id: $gebruiker})
WHERE coalesce(l.versie, 1) = $verwachteVersie
OPTIONAL MATCH (o)<-[lb:LID_VAN]-(b:Gebruiker)
WHERE b.id <> p.id AND b.status = 'ACTIEF' AND coalesce(b.soort, 'PERSOON') = 'PERSOON'
  AND coalesce(lb.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN lb.rollen
WITH o, l, p, count(b) AS anderen
WHERE anderen > 0 OR $blijftBeheerder
   OR NOT (p.status = 'ACTIEF' AND coalesce(p.soort, 'PERSOON') = 'PERSOON'
           AND coalesce(l.status, 'ACTIEF') = 'ACTIEF' AND 'ORGANISATIE_BEHEERDER' IN l.rollen)
SET l.rollen = coalesce($rollen, l.rollen), l.status = coalesce($status, l.status, 'ACTIEF'),
    l.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN p.id AS id, l.versie AS versie
