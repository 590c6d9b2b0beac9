// The ends of koppelingen a difference shows changed, whose records in the window name no end (a
// koppeling's ends never change): as they are now, or for one gone since as its creation or
// deletion recorded them (`na`, `voor`).
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
// The koppeling by its id first, as in verloop/einden.
OPTIONAL MATCH (k:Koppeling {id: sleutel})
WITH sleutel, k
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k)-[:NAAR]->(n)
WHERE $zicht.alleLandschappen OR o.id IN $zicht.landschappen
WITH sleutel, u, n
OPTIONAL MATCH (w:Wijziging {object: sleutel})
RETURN sleutel AS id, u.id AS van, n.id AS naar,
       collect(CASE WHEN w.objectLabel = 'Koppeling' AND w.operatie IN ['AANGEMAAKT', 'VERWIJDERD']
                         AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
                    THEN coalesce(w.na, w.voor) END) AS beelden
