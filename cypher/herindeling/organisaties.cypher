// The organisations a herindeling names ($ids: the gemeenten dissolved and the one they go
// into), as planning it finds them, for functioneel beheer only: each one's properties and
// kind (null when there is none), and the gemeente a dissolved one went into; and whether a new
// gemeente's CBS code ($cbsCode) is taken, by a gemeente or a dissolved one, as code or id.
// params: {"ids": ["GM0014", "GM0034"], "cbsCode": "GM9999"}
OPTIONAL MATCH (c:Organisatie)
WHERE $zicht.beheer AND (c.id = $cbsCode OR ((c:Gemeente OR c:OpgehevenGemeente) AND c.cbsCode = $cbsCode))
WITH count(c) > 0 AS codeBezet
UNWIND $ids AS sleutel
OPTIONAL MATCH (o:Organisatie {id: sleutel})
WHERE $zicht.beheer
OPTIONAL MATCH (o)-[:OPGEGAAN_IN]->(n:Organisatie)
RETURN sleutel, codeBezet,
       CASE WHEN o IS NULL THEN null
            ELSE o {.*, label: [l IN labels(o) WHERE l <> 'Organisatie'][0]} END AS organisatie,
       n.id AS opgegaanIn
