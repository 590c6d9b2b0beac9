// The leverancier delivering each dienst.
// params: {"ids": ["dst-00001"]}
UNWIND $ids AS sleutel
MATCH (d:Dienst {id: sleutel})<-[:LEVERT]-(l:Leverancier)
RETURN sleutel, l {.*, label: 'Leverancier'} AS item
