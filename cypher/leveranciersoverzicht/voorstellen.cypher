// The Gebruiksvoorstellen a leverancier made (DOOR), every status, newest first, for its own
// beheerders and functioneel beheer, as far as the asker may see them (voorstel/per_id: an
// aanbod-beheerder those of its own products, an organisatie-beheerder none).
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})<-[:DOOR]-(v:Gebruiksvoorstel)-[:BETREFT]->(a:Applicatie)
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
MATCH (v)-[:AAN]->(o:Gemeente)
WITH v, o, a
WHERE $zicht.beheer OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten
RETURN v {.*} AS item
ORDER BY v.voorgesteldOp DESC, v.id
