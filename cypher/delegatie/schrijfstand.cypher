// A delegation as a withdrawal will find it, with the ids of the granting (verlener) and the
// receiving (ontvanger) organisation; no row when there is none the asker may see (the people
// of either organisation, functioneel beheer).
// params: {"id": "dlg-onbekend"}
MATCH (v:Organisatie)-[:VERLEENT]->(d:Delegatie {id: $id})-[:GEDELEGEERD_AAN]->(o:Organisatie)
WHERE $zicht.beheer OR v.id IN $zicht.leden OR o.id IN $zicht.leden
RETURN d {.*} AS delegatie, v.id AS verlener, o.id AS ontvanger
