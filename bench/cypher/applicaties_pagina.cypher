// The first 50 applications by name, each with its leverancier and components.
MATCH (a:Applicatie)
WITH a ORDER BY toLower(a.naam), a.id LIMIT 50
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
RETURN a {.*, leverancier: l.naam, referentiecomponenten: [(a)-[:REALISEERT]->(c:Referentiecomponent) | c.naam]} AS applicatie
ORDER BY toLower(a.naam), a.id
