// The diensten leveranciers deliver.
// params: {"ids": ["lev-0001"]}
UNWIND $ids AS sleutel
MATCH (l:Leverancier {id: sleutel})-[:LEVERT]->(d:Dienst)
RETURN sleutel, d {.*} AS item
ORDER BY sleutel, d.naam, d.id
