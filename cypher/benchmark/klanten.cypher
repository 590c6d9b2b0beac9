// The organisations that use a leverancier's applications (Gebruik not phased out), with
// which of its applications each uses.
// Names organisations: only the Gebruik the asker may see ($zicht).
// params: {"leverancier": "lev-0001"}
MATCH (:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(u:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
WITH a, u, o
WHERE u.status <> 'UITGEFASEERD'
  AND ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
WITH o, collect(DISTINCT a.id) AS applicaties
RETURN o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS klant, applicaties
ORDER BY o.naam, o.id
