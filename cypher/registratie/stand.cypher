// A registration as a decision finds it, for functioneel beheer only: its properties and its
// leverancier's. Read before approving or rejecting, to say which error an impossible write
// is. No row for an unknown id or another asker.
// params: {"id": "reg-onbekend"}
MATCH (r:Registratie {id: $id})-[:BETREFT]->(l:Leverancier)
WITH r, l
WHERE $zicht.beheer
RETURN r {.*} AS registratie, l {.id, .naam, .status, .gemeldDoor} AS leverancier
