// Delegations by id, when the asker may see them: the people of the granting or the receiving
// organisation ($zicht.leden), functioneel beheer.
// params: {"ids": ["dlg-onbekend"]}
UNWIND $ids AS sleutel
MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie {id: sleutel})-[:GEDELEGEERD_AAN]->(o:Organisatie)
WITH sleutel, v, d, o
WHERE $zicht.beheer OR v.id IN $zicht.leden OR o.id IN $zicht.leden
RETURN sleutel, d {.*} AS item
