// An Analysebijdrage, stale, for every gemeente without one (graph_api/domain/analyse/bijdragen.py):
// after a seed, and by `graph-api db analyse`. A gemeente founded later gets it with its founding.
// zicht: the analytics' own bookkeeping, written on behalf of every asker alike.
// params: {}
MATCH (g:Gemeente)
WHERE NOT (g)-[:BIJDRAGE]->(:Analysebijdrage)
CREATE (g)-[:BIJDRAGE]->(:Analysebijdrage {id: 'analyse-' + g.id, gemeente: g.id, gewijzigd: 0, berekend: -1, markt: [], netwerk: []})
RETURN count(g) AS aangemaakt
