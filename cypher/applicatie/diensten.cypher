// The diensten offered on each application.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:BIJ]-(d:Dienst)
RETURN sleutel, d {.*} AS item
ORDER BY sleutel, d.naam, d.id
