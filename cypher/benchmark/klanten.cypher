// The organisations that use a leverancier's applications (Gebruik not phased out), with
// which of its applications each uses.
// params: {"leverancier": "lev-0001"}
MATCH (:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie)<-[:VAN]-(u:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
WITH a, u, o
WHERE u.status <> 'UITGEFASEERD'
WITH o, collect(DISTINCT a.id) AS applicaties
RETURN o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} AS klant, applicaties
ORDER BY o.naam, o.id
