// The ends of koppelingen a difference shows changed, whose records in the window name no end (a
// koppeling's ends never change): as they are now, or for one gone since as its creation or
// deletion recorded them (`na`, `voor`).
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling {id: sleutel})-[:NAAR]->(n)
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
WITH sleutel, u, n
OPTIONAL MATCH (w:Wijziging {object: sleutel})
WHERE w.objectLabel = 'Koppeling' AND w.operatie IN ['AANGEMAAKT', 'VERWIJDERD']
  AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
RETURN sleutel AS id, u.id AS van, n.id AS naar, collect(coalesce(w.na, w.voor)) AS beelden
