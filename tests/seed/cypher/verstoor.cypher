// Test setup: damage one Gebruik and one koppeling, so that seeding again has to repair them
// through the branch that updates what exists.
// params: {"gebruik": "geb-GM0014-0001", "koppeling": "kop-GM0014-0001", "van": "geb-GM0014-0002"}
MATCH (g:Gebruik {id: $gebruik})
SET g.status = 'VERSTOORD'
WITH g
MATCH (k:Koppeling {id: $koppeling})-[v:VAN]->(van:Gebruik)-[r:KOPPELT]->()
WHERE r.koppelingId = $koppeling
SET k.type = 'VERSTOORD'
DELETE v, r
RETURN count(k) AS verstoord
