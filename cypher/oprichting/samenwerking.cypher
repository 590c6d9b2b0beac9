// Creates a samenwerking ($organisatie) and the Wijziging recording it, in one statement: only for
// functioneel beheer and an id no organisation has; otherwise nothing, and no row.
// params: {"id": "GM0363", "organisatie": {"id": "GM0363", "naam": "Bestaat al", "status": "ACTIEF"}, "wijziging": {"id": "wij-onbekend"}}
OPTIONAL MATCH (x:Organisatie {id: $id})
WITH count(x) AS bezet
WHERE $zicht.beheer AND bezet = 0
CREATE (o:Organisatie:Samenwerking)
SET o = $organisatie
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.id AS id
