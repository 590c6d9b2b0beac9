// The leveranciers of the applications given (catalogue only).
// params: {"applicaties": ["app-00001"]}
UNWIND $applicaties AS id
MATCH (a:Applicatie {id: id})
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
RETURN a.id AS applicatie, l.id AS leverancier
