// The organisation a registration names (graph-api gebruiker add, dev-token): by its id, or a
// gemeente by its CBS code; with its kind (its label besides Organisatie). No row when none.
// params: {"sleutel": "GM0363"}
OPTIONAL MATCH (o:Organisatie {id: $sleutel})
OPTIONAL MATCH (g:Gemeente {cbsCode: $sleutel})
WITH coalesce(o, g) AS org
WHERE org IS NOT NULL
RETURN org.id AS id, org.naam AS naam, [x IN labels(org) WHERE x <> 'Organisatie'][0] AS soort
