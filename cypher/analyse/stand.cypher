// The version of the national analytics' cells (the one Analysestand; none before the first fold)
// and whether the asker may see aggregates over every landscape ($zicht): graph_api/domain/analyse/markt.py
// reads again only the Marktcel changed since the version it holds for this graph (`sleutel`).
// params: {}
OPTIONAL MATCH (s:Analysestand {id: 'analyse'})
RETURN s.sleutel AS sleutel, coalesce(s.versie, 0) AS versie, $zicht.aggregaten OR $zicht.alleGebruik AS zichtbaar
