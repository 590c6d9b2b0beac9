// What adding an item to an application's etalage will find: the application, when it exists
// and the asker sees it (a concept only for who sees the concept), and the leveranciers that
// offer it; graph_api/etalage/items.py names the error of a write that cannot be from it.
// params: {"applicatie": "app-00001"}
OPTIONAL MATCH (a:Applicatie {id: $applicatie})
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
RETURN a.id AS applicatie, collect(l.id) AS leveranciers
