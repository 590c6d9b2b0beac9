// What the lines of a difference are named by, for each id: a national facility's name, or for a
// Gebruik the application it is of now (null once it is gone) and its change records at or after
// $sinds, whose `voor` holds the application it was of before a change of it (a merge, a deletion).
// params: {"ids": ["geb-GM0363-0001"], "sinds": "2026-01-01T00:00:00.000Z"}
UNWIND $ids AS sleutel
// The Gebruik by its id first: from the whole pattern FalkorDB plans from the organisations (5 s
// for 60 ids at scale 1, bench/RESULTS.md "Landscape over time").
OPTIONAL MATCH (g:Gebruik {id: sleutel})
WITH sleutel, g
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(g)-[:VAN]->(a:Applicatie)
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
WITH sleutel, a
OPTIONAL MATCH (v:BuitengemeentelijkeVoorziening {id: sleutel})
WITH sleutel, a, v
OPTIONAL MATCH (w:Wijziging {object: sleutel})
// Chosen in the collect, not in a WHERE: FalkorDB plans `w.tijdstip >= $sinds` there as a range
// over the tijdstip index instead of looking the object up.
WITH sleutel, a, v, w, w.tijdstip AS tijdstip
RETURN sleutel AS id, a.id AS applicatie, v.naam AS voorziening,
       collect(CASE WHEN w.objectLabel = 'Gebruik' AND tijdstip >= $sinds
                         AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
                    THEN w {.tijdstip, .voor} END) AS wijzigingen
