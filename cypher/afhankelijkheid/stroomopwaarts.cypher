// The dependencies of one Gebruik up to $diepte (1-6) koppelingen away, breadth-first: each
// node once, at its shortest distance, however many paths lead there. The walk follows
// koppelingen against the way their data flows (KOPPELT points that way): where this
// Gebruik's data comes from. National facilities end it, being shared by every landscape.
// Each node comes with its koppelingen to other nodes found, whichever way they flow: the
// induced subgraph, not only the koppelingen walked.
// The start must be visible to the asker ($zicht); the walk goes on only where its whole
// landscape is.
// params: {"id": "geb-GM0363-0001", "diepte": 3}
MATCH (eigenaar:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $id})-[:VAN]->(product:Applicatie)
WITH eigenaar, g, product
WHERE $zicht.alleGebruik OR eigenaar.id IN $zicht.landschappen OR product.id IN $zicht.producten
WITH [g] AS bezocht, CASE WHEN $zicht.alleLandschappen OR eigenaar.id IN $zicht.landschappen THEN [g] ELSE [] END AS rand,
     [[g]] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, rand, lagen
UNWIND (CASE WHEN size(rand) = 0 THEN [null] ELSE rand END) AS r
OPTIONAL MATCH (r:Gebruik)<-[:KOPPELT]-(n)
WHERE size(lagen) <= $diepte AND NOT n IN bezocht
WITH bezocht, lagen, collect(DISTINCT n) AS nieuw
WITH bezocht + nieuw AS bezocht, nieuw AS rand, lagen + [nieuw] AS lagen
WITH bezocht, lagen
UNWIND range(0, size(lagen) - 1) AS diepte
UNWIND lagen[diepte] AS n
OPTIONAL MATCH (n)-[:VAN]->(a:Applicatie)
RETURN n.id AS id, diepte, coalesce(a.naam, n.naam) AS naam,
       CASE WHEN 'Gebruik' IN labels(n) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END AS soort,
       [(n)<-[:VAN]-(k)-[:NAAR]->(m) WHERE m IN bezocht |
        {id: k.id, naar: m.id, naarSoort: CASE WHEN 'Gebruik' IN labels(m) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END,
         type: k.type, richting: k.richting, status: k.status}] AS koppelingen
ORDER BY diepte, id
