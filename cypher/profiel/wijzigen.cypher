// Changes an organisation's profile and records the change (a Wijziging), in one statement: the
// properties in $eigenschappen (null removes one), the certifications and contact persons when
// asked ($vervangCertificeringen, $vervangContactpersonen: the lists replace them, nodes and
// all), versie one up. It matches only an organisation the asker keeps ($zicht.organisaties:
// its organisatie-beheerders; $zicht.beheer) at the versie the asker expects; otherwise it
// writes nothing and returns no row. The API made every id and property.
// zicht: a write; $zicht.organisaties is narrower than what the asker may see.
// params: {"organisatie": "onbekend", "verwachteVersie": 1, "eigenschappen": {}, "vervangCertificeringen": false, "certificeringen": [], "vervangContactpersonen": false, "contactpersonen": [], "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
// Lock o before reading its versie, as gebruik/wijzigen does: on Neo4j two writes at one
// expected versie would otherwise both pass the check.
SET o:Organisatie
WITH o
WHERE coalesce(o.versie, 1) = $verwachteVersie
  AND ($zicht.beheer OR o.id IN $zicht.organisaties)
WITH o,
     CASE WHEN $vervangCertificeringen THEN [(o)-[:HEEFT_CERTIFICERING]->(c) | c] ELSE [] END
     + CASE WHEN $vervangContactpersonen THEN [(o)-[:HEEFT_CONTACTPERSOON]->(p) | p] ELSE [] END AS oud
FOREACH (x IN oud | DETACH DELETE x)
FOREACH (c IN $certificeringen | CREATE (o)-[:HEEFT_CERTIFICERING]->(n:Certificering) SET n = c)
FOREACH (p IN $contactpersonen | CREATE (o)-[:HEEFT_CONTACTPERSOON]->(n:Contactpersoon) SET n = p)
SET o += $eigenschappen
SET o.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.id AS id, o.versie AS versie
