// Applications that the given similar gemeenten use (not phased out) and this gemeente does
// not use at all, by how many of them use each; with which of them do.
// Only the Gebruik the asker may see ($zicht).
// params: {"gemeente": "GM0363", "vergelijkbaar": ["GM0599", "GM0518"], "aantal": 5}
// A concept application (missing software, gemeldDoor set) is recommended to nobody but
// functioneel beheer: only its reporting organisation sees it, and that one uses it.
MATCH (g:Gemeente {id: $gemeente})
WITH [(g)-[:GEBRUIKT]->()-[:VAN]->(a) WHERE $zicht.alleGebruik OR g.id IN $zicht.landschappen OR a.id IN $zicht.producten | a.id] AS mijn
UNWIND $vergelijkbaar AS oid
MATCH (o:Gemeente {id: oid})-[:GEBRUIKT]->(v:Gebruik)-[:VAN]->(b:Applicatie)
WITH mijn, o, v, b
WHERE v.status <> 'UITGEFASEERD' AND NOT b.id IN mijn
  AND ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR b.id IN $zicht.producten)
  AND (b.gemeldDoor IS NULL OR $zicht.beheer OR b.gemeldDoor IN $zicht.concepten)
WITH b, collect(DISTINCT o.id) AS door
RETURN b {.*} AS applicatie, door, size(door) AS aantal
ORDER BY aantal DESC, b.id
LIMIT $aantal
