// The leverancier offering each application.
// params: {"ids": ["app-00001"]}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:BIEDT_AAN]-(l:Leverancier)
RETURN sleutel, l {.*, label: 'Leverancier'} AS item
