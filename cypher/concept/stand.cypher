// A concept application as publishing or merging finds it, for functioneel beheer only: its
// properties, its leveranciers (with whether each is a concept, whether that is its own
// registration waiting (`gemeldDoor` its own id, F001), and how many applications it offers),
// its modules that are concepts, whether its product is one, the Gebruik of it (id,
// organisation), and, when $doel is given, whether that application exists and is published,
// and which of those organisations use it already.
// params: {"id": "app-onbekend", "doel": null}
MATCH (c:Applicatie {id: $id})
WHERE $zicht.beheer AND c.gemeldDoor IS NOT NULL
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(c)
OPTIONAL MATCH (l)-[:BIEDT_AAN]->(y:Applicatie)
WITH c, l, count(y) AS aanbod
WITH c, collect(CASE WHEN l IS NULL THEN null
                     ELSE {id: l.id, concept: l.gemeldDoor IS NOT NULL, wachtend: l.gemeldDoor = l.id,
                           aanbod: aanbod} END) AS leveranciers
OPTIONAL MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(c)
WITH c, leveranciers, collect(CASE WHEN g IS NULL THEN null ELSE {id: g.id, organisatie: o.id} END) AS gebruik,
     collect(o.id) AS organisaties
OPTIONAL MATCH (d:Applicatie {id: $doel})
OPTIONAL MATCH (d)<-[:VAN]-(:Gebruik)<-[:GEBRUIKT]-(u:Organisatie)
WHERE u.id IN organisaties
WITH c, leveranciers, gebruik, d, collect(u.id) AS dubbel
RETURN c {.*} AS concept, leveranciers, gebruik,
       [(c)<-[:ONDERDEEL_VAN]-(m) WHERE m.gemeldDoor IS NOT NULL | m.id] AS modules,
       [(c)<-[:ONDERDEEL_VAN]-(m2) | m2.id] AS alleModules,
       [(c)-[:ONDERDEEL_VAN]->(p) WHERE p.gemeldDoor IS NOT NULL | p.id] AS conceptProduct, d IS NOT NULL AS doel,
       d IS NOT NULL AND d.gemeldDoor IS NULL AS doelGepubliceerd, dubbel
