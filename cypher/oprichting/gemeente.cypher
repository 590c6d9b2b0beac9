// Creates a gemeente ($organisatie, its id its CBS code) and the Wijziging recording it, in one
// statement: only for functioneel beheer, and only when no organisation has that id and no
// gemeente that CBS code; otherwise nothing, and no row.
// params: {"id": "GM0363", "cbsCode": "GM0363", "organisatie": {"id": "GM0363", "cbsCode": "GM0363", "naam": "Amsterdam", "status": "ACTIEF", "provincie": "Noord-Holland", "inwoners": 1}, "wijziging": {"id": "wij-onbekend"}}
OPTIONAL MATCH (x:Organisatie {id: $id})
WITH count(x) AS id
OPTIONAL MATCH (y:Gemeente {cbsCode: $cbsCode})
WITH id, count(y) AS code
WHERE $zicht.beheer AND id = 0 AND code = 0
CREATE (o:Organisatie:Gemeente)
SET o = $organisatie
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.id AS id
