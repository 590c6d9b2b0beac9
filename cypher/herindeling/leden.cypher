// The people and machine clients of the gemeenten a herindeling joins ($ids), for functioneel
// beheer only: a row per membership with its roles, status and versie.
// params: {"ids": ["GM0014"]}
MATCH (u:Gebruiker)-[l:LID_VAN]->(o:Gemeente)
WHERE $zicht.beheer AND o.id IN $ids
RETURN u.id AS gebruiker, u.naam AS naam, coalesce(u.soort, 'PERSOON') AS soort, o.id AS organisatie,
       l.rollen AS rollen, coalesce(l.status, 'ACTIEF') AS status, coalesce(l.versie, 1) AS versie
ORDER BY gebruiker, organisatie
