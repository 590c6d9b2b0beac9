// Diensten by id.
// params: {"ids": ["dst-00001"]}
UNWIND $ids AS sleutel
MATCH (d:Dienst {id: sleutel})
RETURN sleutel, d {.*} AS item
