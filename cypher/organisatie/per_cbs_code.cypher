// Gemeenten by CBS code; the CBS code of a gemeente dissolved by a herindeling finds the gemeente
// it went into (following OPGEGAAN_IN, also through later herindelingen).
// params: {"ids": ["GM0363"]}
UNWIND $ids AS sleutel
OPTIONAL MATCH (o:Gemeente {cbsCode: sleutel})
OPTIONAL MATCH (:OpgehevenGemeente {cbsCode: sleutel})-[:OPGEGAAN_IN*1..]->(n:Gemeente)
WITH sleutel, coalesce(o, n) AS g
WHERE g IS NOT NULL
RETURN sleutel, g {.*, label: 'Gemeente'} AS item
