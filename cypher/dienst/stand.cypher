// A dienst as changing or retiring it finds it: its properties, its leverancier, the
// applications it is offered on, those whose Gebruik take it (`afgenomenBij`), and which of the
// applications in $applicaties exist as the catalogue shows them to the asker (`gevonden`), and
// which of those are concepts (`concepten`).
// zicht: names no Gebruik, only the applications of those that take the dienst, which its
// leverancier (the only one who may change it, besides functioneel beheer) delivers to them.
// params: {"id": "dst-00001", "applicaties": []}
MATCH (l:Leverancier)-[:LEVERT]->(d:Dienst {id: $id})
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
WITH l, d, collect(a.id) AS gevonden, collect(CASE WHEN a.gemeldDoor IS NOT NULL THEN a.id END) AS concepten
RETURN d {.*} AS dienst, l.id AS leverancier, gevonden, concepten,
       [(d)-[:BIJ]->(b) | b.id] AS applicaties,
       [(d)<-[:NEEMT_AF]-(:Gebruik)-[:VAN]->(x) | x.id] AS afgenomenBij
