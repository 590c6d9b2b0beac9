// The reference components the leverancier's applications realise, for its own beheerders and
// functioneel beheer: their national markets are read from the cells of analyse/markt
// (graph_api/domain/analyse/markt.py), of which graph_api/domain/interesse/overzicht.py shows only
// the leverancier's own share, under the group floor (drempel.vendor_share), and no other
// leverancier; nothing for anyone but the leverancier's beheerders.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties
MATCH (l)-[:BIEDT_AAN]->(:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
RETURN DISTINCT c.id AS referentiecomponent
ORDER BY referentiecomponent
