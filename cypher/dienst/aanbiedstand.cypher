// What offering a dienst refers to, read before the write to name what is wrong: whether the
// leverancier exists, and which of the applications asked for exist as the catalogue shows
// them to the asker (a concept only to who may see it), and which of those, or the leverancier,
// are concepts: a dienst is offered by a published leverancier on published applications only.
// params: {"leverancier": "lev-0001", "applicaties": ["app-00001"]}
OPTIONAL MATCH (l:Leverancier {id: $leverancier})
WITH l
OPTIONAL MATCH (a:Applicatie)
WHERE a.id IN $applicaties
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN l IS NOT NULL AS leverancier, l IS NOT NULL AND l.gemeldDoor IS NOT NULL AS leverancierConcept,
       collect(a.id) AS applicaties, collect(CASE WHEN a.gemeldDoor IS NOT NULL THEN a.id END) AS concepten
