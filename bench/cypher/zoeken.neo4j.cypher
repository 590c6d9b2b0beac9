// Every full-text match among the applications, best first, with what the facets count:
// reference components, hosting models, licence type and leverancier. Neo4j's index with the
// Dutch analyser: `$term` ("zaak*") also as a term, which the analyser stems like the text.
CALL db.index.fulltext.queryNodes('zoek_Applicatie', $term + ' OR ' + replace($term, '*', '')) YIELD node, score
WITH node AS a, score
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
RETURN a.id AS id, a.naam AS naam, score, a.licentietype AS licentietype, a.cloudModellen AS hostingmodellen,
       l.naam AS leverancier, [(a)-[:REALISEERT]->(c:Referentiecomponent) | c.naam] AS componenten
ORDER BY score DESC, id
