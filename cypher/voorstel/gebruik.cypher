// The Gebruik each accepted Gebruiksvoorstel became, while it exists, when the asker may see it
// (as gebruik/per_id: the leverancier sees it, as a Gebruik of its own product).
// params: {"ids": ["gvs-onbekend"]}
UNWIND $ids AS sleutel
MATCH (v:Gebruiksvoorstel {id: sleutel})-[:WERD]->(g:Gebruik)-[:VAN]->(a:Applicatie)
MATCH (o:Organisatie)-[:GEBRUIKT]->(g)
WITH sleutel, o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
RETURN sleutel, g {.id, .status, .startDatum, .eindDatum, .hosting, .versie} AS item
