// An application as a write finds it: every property, its leverancier, the referentiecomponenten
// it realises, its product, its versions (id and number), and what uses it: its Gebruik
// (counted), modules, Gebruiksvoorstellen and diensten offered on it. A concept only for who
// sees it in the catalogue. Read before a change, to say which error an impossible write is and
// what the change record holds before.
// zicht: counts Gebruik without naming them; the operation shows the counts only to who may
// change the application: its own leverancier (which sees its products' Gebruik) or functioneel beheer.
// params: {"id": "app-00001"}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $id})
WHERE a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten
RETURN a {.*} AS applicatie, l.id AS leverancier,
       [(a)-[:REALISEERT]->(r:Referentiecomponent) | r.id] AS referentiecomponenten,
       [(a)-[:ONDERDEEL_VAN]->(p) | p.id] AS product,
       [(a)-[:HEEFT_VERSIE]->(v) | {id: v.id, versie: v.versie}] AS versies,
       size([(a)<-[:VAN]-(g:Gebruik) | g]) AS gebruik,
       [(a)<-[:ONDERDEEL_VAN]-(m) | m.id] AS modules,
       size([(a)<-[:BETREFT]-(x:Gebruiksvoorstel) | x]) AS voorstellen,
       [(a)<-[:BIJ]-(d:Dienst) | d.id] AS diensten
