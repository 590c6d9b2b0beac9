// The stale contributions to the national analytics (graph_api/domain/analyse/bijdragen.py):
// those whose gemeente's landscape changed since they were folded in (gewijzigd > berekend;
// a new one has berekend -1). Read before the landscapes it names, so that a write after this
// read leaves its gemeente stale for the next fold. In gemeente order: two graphs with the same
// landscapes fold them alike, whatever order their nodes were written in.
// zicht: the analytics' own bookkeeping; what it feeds is read behind $zicht (analyse/markt, analyse/netwerk).
// params: {"limit": 250}
MATCH (b:Analysebijdrage)
WHERE b.gewijzigd > b.berekend
RETURN b.id AS bijdrage, b.gemeente AS gemeente, b.gewijzigd AS gewijzigd, b.berekend AS berekend,
       b.markt AS markt, b.netwerk AS netwerk
ORDER BY gemeente
LIMIT $limit
