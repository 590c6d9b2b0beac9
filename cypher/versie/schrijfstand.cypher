// A version as a write finds it: every property, its application and leverancier, the standard
// versions it supports (with the evidence), how many Gebruik run it, and whether the standard
// version $standaardversie exists (null: not asked). A version of a concept only for who sees
// the concept in the catalogue. Read before a change, to say which error an impossible write
// is and what the change record holds before.
// zicht: counts Gebruik without naming them; the operation shows the count only to who may
// change the version: its own leverancier (which sees its products' Gebruik) or functioneel beheer.
// params: {"id": "app-00001-v1", "standaardversie": null}
// The version first, by its index (as versie/per_id).
MATCH (v:Versie {id: $id})
WITH v
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)-[:HEEFT_VERSIE]->(v)
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (s:Standaardversie {id: $standaardversie})
RETURN v {.*} AS versie, a.id AS applicatie, l.id AS leverancier,
       [(v)-[o:ONDERSTEUNT]->(x) | {standaardversie: x.id, bewijs: o.bewijs}] AS ondersteunt,
       size([(v)<-[:VERSIE]-(g:Gebruik) | g]) AS gebruik,
       [(a)-[:HEEFT_VERSIE]->(y) WHERE y.id <> v.id | y.versie] AS andereNummers,
       s IS NOT NULL AS standaardversie
