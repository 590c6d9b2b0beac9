// Number of nodes per label (a node with two labels counts for both), labels in use only.
// FalkorDB keeps the counts itself; counting per label in Cypher would scan the graph.
// Landscape labels only for those who may see all of them or their aggregates ($zicht).
// params: {}
CALL db.meta.stats() YIELD labels
UNWIND keys(labels) AS label
WITH label, labels[label] AS aantal
WHERE aantal > 0
  AND (NOT label IN ['Gebruik', 'Koppeling', 'Gebruiker', 'Wijziging', 'Gebruiksvoorstel', 'Uitnodiging',
                      'Registratie', 'Toegangsverzoek', 'Delegatie', 'Melding',
                      'Interesse', 'Bezoek', 'Zoekvraag', 'Beoordeling'] OR $zicht.beheer
       OR (label = 'Gebruik' AND ($zicht.alleGebruik OR $zicht.aggregaten))
       OR (label = 'Koppeling' AND $zicht.aggregaten))
RETURN label, aantal
ORDER BY label
