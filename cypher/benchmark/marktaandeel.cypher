// The reference components a leverancier's applications realise (catalogue only: their
// markets are read by benchmark/marktconcentratie).
// params: {"leverancier": "lev-0001"}
MATCH (:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(:Applicatie)-[:REALISEERT]->(c:Referentiecomponent)
RETURN DISTINCT c.id AS referentiecomponent
ORDER BY referentiecomponent
