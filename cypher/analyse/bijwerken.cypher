// Folds changed contributions into the cells (graph_api/domain/analyse/bijdragen.py), in one
// statement: each Analysebijdrage in $bijdragen gets its new cell ids and `berekend` (the
// `gewijzigd` read before its landscape was); each cell in $markt and $netwerk moves by its
// `delta` (made at 0), and a cell left at 0 goes. It takes the lock of the one Analysestand
// first, then writes only when every contribution is still as read ($stand: `id@berekend`):
// otherwise another request folded them in meanwhile, nothing is written and no row returned.
// zicht: the analytics' own bookkeeping, written on behalf of every asker alike.
// params: {"tijdstip": "2026-12-04T00:00:00Z", "stand": [], "bijdragen": [], "markt": [], "netwerk": []}
MERGE (s:Analysestand {id: 'analyse'})
SET s.bijgewerkt = $tijdstip
WITH s
OPTIONAL MATCH (b:Analysebijdrage)
WHERE b.id IN [x IN $bijdragen | x.id]
WITH s, collect(b) AS bijdragen
WHERE size(bijdragen) = size($stand) AND all(b IN bijdragen WHERE (b.id + '@' + toString(b.berekend)) IN $stand)
FOREACH (x IN $bijdragen |
  FOREACH (b IN [b IN bijdragen WHERE b.id = x.id] |
    SET b.markt = x.markt, b.netwerk = x.netwerk, b.berekend = x.gewijzigd))
FOREACH (x IN $markt |
  MERGE (m:Marktcel {id: x.id})
  ON CREATE SET m.referentiecomponent = x.referentiecomponent, m.applicatie = x.applicatie,
                m.leverancier = x.leverancier, m.gemeenten = 0
  SET m.gemeenten = m.gemeenten + x.delta)
FOREACH (y IN $netwerk |
  MERGE (n:Netwerkcel {id: y.id})
  ON CREATE SET n.van = y.van, n.naar = y.naar, n.naarSoort = y.naarSoort, n.gemeenten = 0
  SET n.gemeenten = n.gemeenten + y.delta)
WITH s
OPTIONAL MATCH (leegM:Marktcel)
WHERE leegM.id IN [x IN $markt WHERE x.delta < 0 | x.id] AND leegM.gemeenten <= 0
WITH s, collect(leegM) AS legeMarkt
FOREACH (x IN legeMarkt | DELETE x)
WITH s
OPTIONAL MATCH (leegN:Netwerkcel)
WHERE leegN.id IN [y IN $netwerk WHERE y.delta < 0 | y.id] AND leegN.gemeenten <= 0
WITH s, collect(leegN) AS legeNetwerk
FOREACH (y IN legeNetwerk | DELETE y)
RETURN s.bijgewerkt AS bijgewerkt
