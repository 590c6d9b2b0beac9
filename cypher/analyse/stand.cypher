// The version of the national analytics' cells (the one Analysestand; none before the first fold)
// and whether the asker may read the cells ($zicht): who may see aggregates over every landscape,
// and the beheerders of $leverancier (not null) for its own view, which shows only its own share
// of each market (graph_api/domain/interesse/overzicht.py). graph_api/domain/analyse/markt.py
// reads again only the Marktcel changed since the version it holds for this graph (`sleutel`).
// params: {"leverancier": null}
OPTIONAL MATCH (s:Analysestand {id: 'analyse'})
RETURN s.sleutel AS sleutel, coalesce(s.versie, 0) AS versie,
       $zicht.aggregaten OR $zicht.alleGebruik
       OR coalesce($leverancier IN $zicht.aanbod OR $leverancier IN $zicht.organisaties, false) AS zichtbaar
