// The delegation each change record was made under (Wijziging.delegatie), for whoever may see
// the record: the record's own condition of cypher/wijziging/lijst, so the delegation shows
// wherever the record does (a samenwerking reading a member's records included), not only to
// the people of the two organisations as delegatie/per_id has it.
// params: {"ids": ["wij-onbekend"]}
UNWIND $ids AS sleutel
MATCH (w:Wijziging {id: sleutel})
WHERE w.delegatie IS NOT NULL
  AND CASE WHEN w.objectLabel IN ['Uitnodiging', 'Lidmaatschap', 'Gebruiker']
           THEN $zicht.beheer OR w.organisatie IN $zicht.organisaties
           ELSE $zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen END
MATCH (d:Delegatie {id: w.delegatie})
RETURN sleutel, d {.*} AS item
