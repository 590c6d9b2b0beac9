// The one Analysestand, made with its sleutel and versie where a graph has none yet (counted
// before the readers kept cells: graph_api/domain/analyse/markt.py); changes nothing otherwise.
// zicht: the analytics' own bookkeeping, written on behalf of every asker alike.
// params: {"sleutel": "voorbeeld"}
MERGE (s:Analysestand {id: 'analyse'})
SET s.versie = coalesce(s.versie, 0), s.sleutel = coalesce(s.sleutel, $sleutel)
RETURN s.sleutel AS sleutel
