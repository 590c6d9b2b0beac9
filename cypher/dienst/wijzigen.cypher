// Changes a dienst and records the change (a Wijziging), in one statement: the properties in
// $eigenschappen (null removes one), the applications it is offered on when asked
// ($vervangApplicaties: they replace those), versie one up. It matches only a dienst on offer
// of a leverancier whose aanbod the asker may keep ($zicht.aanbod, or $zicht.beheer), at the
// versie expected, with every application found and published (no `gemeldDoor`), and
// none dropped that a Gebruik taking the dienst is of; otherwise no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"dienst": "onbekend", "verwachteVersie": 1, "applicaties": [], "vervangApplicaties": false, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst {id: $dienst})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
// Lock d before reading its versie (see gebruik/wijzigen): Neo4j reads without locks.
SET d:Dienst
WITH d, [(d)<-[:NEEMT_AF]-(:Gebruik)-[:VAN]->(x) | x.id] AS afgenomenBij
WHERE coalesce(d.versie, 1) = $verwachteVersie AND coalesce(d.status, 'AANGEBODEN') = 'AANGEBODEN'
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties AND a.gemeldDoor IS NULL
WITH d, afgenomenBij, collect(a) AS applicaties
WHERE NOT $vervangApplicaties
   OR (size($applicaties) > 0 AND size(applicaties) = size($applicaties)
       AND all(x IN afgenomenBij WHERE x IN $applicaties))
WITH d, applicaties, CASE WHEN $vervangApplicaties THEN [(d)-[z:BIJ]->() | z] ELSE [] END AS oud
FOREACH (z IN oud | DELETE z)
FOREACH (a IN CASE WHEN $vervangApplicaties THEN applicaties ELSE [] END | CREATE (d)-[:BIJ]->(a))
SET d += $eigenschappen
SET d.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN d.id AS id, d.versie AS versie
