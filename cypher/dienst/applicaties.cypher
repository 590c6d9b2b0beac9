// The applications each dienst is offered on.
// params: {"ids": ["dst-00001"]}
UNWIND $ids AS sleutel
MATCH (d:Dienst {id: sleutel})-[:BIJ]->(a:Applicatie)
RETURN sleutel, a {.*} AS item
ORDER BY sleutel, a.naam, a.id
