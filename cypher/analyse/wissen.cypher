// Removes the national analytics' cells and marks every contribution stale and empty, so the
// next fold (graph_api/domain/analyse/bijdragen.py) counts every gemeente afresh:
// `graph-api db analyse`.
// zicht: the analytics' own bookkeeping, written on behalf of every asker alike.
// params: {}
OPTIONAL MATCH (m:Marktcel)
DETACH DELETE m
WITH count(*) AS markt
OPTIONAL MATCH (n:Netwerkcel)
DETACH DELETE n
WITH markt, count(*) AS netwerk
OPTIONAL MATCH (b:Analysebijdrage)
SET b.markt = [], b.netwerk = [], b.berekend = -1
RETURN markt, netwerk, count(b) AS bijdragen
