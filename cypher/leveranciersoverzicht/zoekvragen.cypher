// What gemeenten searched in the months asked ($maanden): per month, each normalised term and
// each referentiecomponent filtered on, with how many gemeenten searched it (Zoekvraag nodes,
// which name none), and whether the leverancier's applications realise that component. For the
// leverancier's own beheerders and functioneel beheer; graph_api/domain/interesse/overzicht.py
// applies the group floor.
// params: {"leverancier": "lev-0001", "maanden": ["2026-01"]}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
WITH [(l)-[:BIEDT_AAN]->(a)-[:REALISEERT]->(c) | c.id] AS eigen
MATCH (z:Zoekvraag)
WHERE z.maand IN $maanden
WITH eigen, z.maand AS maand, z.term AS term, z.referentiecomponent AS rc, count(z) AS aantal
OPTIONAL MATCH (c:Referentiecomponent {id: rc})
RETURN maand, term, c {.*, label: 'Referentiecomponent'} AS referentiecomponent, rc IN eigen AS eigen, aantal
ORDER BY maand DESC, aantal DESC, term, rc
