// Requests for access by id, for functioneel beheer and the organisatie-beheerders of the
// organisation asked; for everyone else none, as for an unknown id.
// params: {"ids": ["tgv-onbekend"]}
UNWIND $ids AS sleutel
MATCH (t:Toegangsverzoek {id: sleutel})-[:AAN]->(o:Organisatie)
WITH sleutel, t, o
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
RETURN sleutel, t {.*, organisatie: o.id} AS item
