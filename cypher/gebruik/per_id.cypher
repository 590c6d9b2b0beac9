// Gebruik by id, when the asker may see it ($zicht). Contract and notes come from
// gebruik/vertrouwelijk.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: sleutel})-[:VAN]->(a:Applicatie)
WITH sleutel, o, g, a
WHERE ($zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten)
RETURN sleutel, g {.id, .status, .startDatum, .eindDatum, .hosting, .versie} AS item
