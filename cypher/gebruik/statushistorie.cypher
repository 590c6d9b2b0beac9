// The date each status of a Gebruik was reached, one property per status (docs/architecture.md,
// "Status dates"): startDatum is IN_PRODUCTIE's, eindDatum UITGEFASEERD's.
// zicht: the Gebruik were found through a query that applies it; the dates are as public as
// startDatum and eindDatum.
// params: {"ids": ["geb-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (g:Gebruik {id: sleutel})
RETURN sleutel, g {.status, .verwervingDatum, .geplandDatum, .startDatum, .uitTeFaserenDatum, .eindDatum} AS item
