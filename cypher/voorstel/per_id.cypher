// Gebruiksvoorstellen by id, when the asker may see them: the gemeente's own gebruik roles
// ($zicht.landschappen), the aanbod-beheerder of the application's leverancier
// ($zicht.producten), functioneel beheer.
// params: {"ids": ["gvs-onbekend"]}
UNWIND $ids AS sleutel
MATCH (o:Gemeente)<-[:AAN]-(v:Gebruiksvoorstel {id: sleutel})-[:BETREFT]->(a:Applicatie)
WITH sleutel, o, v, a
WHERE $zicht.beheer OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten
RETURN sleutel, v {.*} AS item
