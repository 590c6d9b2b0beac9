// Views of the leverancier's applications in the ISO weeks asked ($weken): per application and
// week, how many organisations viewed it (Bezoek nodes, which name none). For its own
// beheerders and functioneel beheer; graph_api/domain/interesse/overzicht.py hides a count below
// the group floor.
// params: {"leverancier": "lev-0001", "weken": ["2026-W01"]}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
MATCH (l)-[:BIEDT_AAN]->(a:Applicatie)
WITH a
MATCH (v:Bezoek {applicatie: a.id})
WHERE v.week IN $weken
WITH a, v.week AS week, count(v) AS aantal
RETURN a {.*} AS applicatie, week, aantal, toLower(a.naam) AS naam, a.id AS id
ORDER BY naam, id, week DESC
