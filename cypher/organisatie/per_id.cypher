// Organisations by id, each with the label that says what kind it is (a gemeente dissolved by a
// herindeling, OpgehevenGemeente, is a Gemeente to the schema).
// params: {"ids": ["GM0363", "vng-realisatie"]}
// A concept leverancier (recorded with missing software, gemeldDoor set) only for the reporting
// organisation and functioneel beheer, until published (docs/access.md, "Concepts").
UNWIND $ids AS sleutel
MATCH (o:Organisatie {id: sleutel})
WHERE (o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten)
RETURN sleutel,
       o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'
                     | CASE l WHEN 'OpgehevenGemeente' THEN 'Gemeente' ELSE l END][0]} AS item
