// Folds changed contributions into the cells (graph_api/domain/analyse/bijdragen.py), in one
// statement: each Analysebijdrage in $bijdragen gets its new cell ids and `berekend` (the
// `gewijzigd` read before its landscape was); each cell in $markt and $netwerk moves by its
// `delta` (made at 0); a Netwerkcel left at 0 goes, a Marktcel stays at 0 with the others moved,
// marked with the new `versie` of the one Analysestand (readers keep the cells they read and
// read again only those changed since, graph_api/domain/analyse/markt.py). It takes the lock
// of that Analysestand first, then writes only when every contribution is still as read
// ($stand: `id@berekend`): otherwise another request folded them in meanwhile, nothing else
// is written and no row returned.
// zicht: the analytics' own bookkeeping, written on behalf of every asker alike.
// params: {"tijdstip": "2026-12-04T00:00:00Z", "sleutel": "voorbeeld", "stand": [], "bijdragen": [], "markt": [], "netwerk": []}
MERGE (s:Analysestand {id: 'analyse'})
SET s.bijgewerkt = $tijdstip, s.versie = coalesce(s.versie, 0) + 1, s.sleutel = coalesce(s.sleutel, $sleutel)
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
  SET m.gemeenten = m.gemeenten + x.delta, m.versie = s.versie)
FOREACH (y IN $netwerk |
  MERGE (n:Netwerkcel {id: y.id})
  ON CREATE SET n.van = y.van, n.naar = y.naar, n.naarSoort = y.naarSoort, n.gemeenten = 0
  SET n.gemeenten = n.gemeenten + y.delta)
WITH s
OPTIONAL MATCH (leegN:Netwerkcel)
WHERE leegN.id IN [y IN $netwerk WHERE y.delta < 0 | y.id] AND leegN.gemeenten <= 0
WITH s, collect(leegN) AS legeNetwerk
FOREACH (y IN legeNetwerk | DELETE y)
RETURN s.bijgewerkt AS bijgewerkt
