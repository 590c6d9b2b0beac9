// A Gebruiksvoorstel as a write finds it, when the asker may see it (the gemeente's own roles,
// the leverancier's aanbod-beheerder, functioneel beheer): every property, its gemeente,
// application and leverancier, whether the gemeente uses the application now and whether its
// leverancier retired it since (`teruggetrokken`: accepted, it would be a new Gebruik). Read before
// a decision, to say which error an impossible write is and what the record holds before.
// params: {"id": "gvs-onbekend"}
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel {id: $id})-[:BETREFT]->(a:Applicatie)
WITH o, v, a
WHERE $zicht.beheer OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten
RETURN v {.*} AS voorstel, o.id AS organisatie, a.id AS applicatie,
       coalesce(a.status, 'ACTIEF') = 'TERUGGETROKKEN' AS teruggetrokken,
       [(v)-[:DOOR]->(l) | l.id][0] AS leverancier,
       size([(o)-[:GEBRUIKT]->(x)-[:VAN]->(a) | x.id]) AS bestaand
