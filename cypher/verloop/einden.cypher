// What the lines of a difference are named by, for each id: a national facility's name, or for a
// Gebruik the application it is of now (null once it is gone) and its change records at or after
// $sinds, whose `voor` holds the application it was of before a change of it (a merge, a deletion).
// params: {"ids": ["geb-GM0363-0001"], "sinds": "2026-01-01T00:00:00.000Z"}
UNWIND $ids AS sleutel
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: sleutel})-[:VAN]->(a:Applicatie)
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
WITH sleutel, a
OPTIONAL MATCH (v:BuitengemeentelijkeVoorziening {id: sleutel})
WITH sleutel, a, v
OPTIONAL MATCH (w:Wijziging {object: sleutel})
WHERE w.objectLabel = 'Gebruik' AND w.tijdstip >= $sinds
  AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
RETURN sleutel AS id, a.id AS applicatie, v.naam AS voorziening,
       collect(w {.tijdstip, .voor}) AS wijzigingen
