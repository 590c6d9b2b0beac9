// A leverancier's applications (its own view, see leveranciersoverzicht/leverancier: its own
// beheerders and functioneel beheer only), each with the Gebruik of it the asker may see
// ($zicht: an aanbod-beheerder those of its own products, an organisatie-beheerder none), by
// the organisations' names. Applications by name; a concept only where it may be seen.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie)
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
// The $zicht filter is the OPTIONAL MATCH's own: an application none of whose Gebruik may be
// seen stays, with none.
OPTIONAL MATCH (a)<-[:VAN]-(g:Gebruik)<-[:GEBRUIKT]-(o:Organisatie)
WHERE $zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten
WITH a, g, o
ORDER BY toLower(o.naam), o.id
WITH a, collect(CASE WHEN g IS NULL THEN null
                     ELSE g {.id, .status, .startDatum, .eindDatum, .hosting, .versie} END) AS gebruik
RETURN a {.*} AS applicatie, gebruik
ORDER BY toLower(a.naam), a.id
