// The applications a sync's items name: by id (`$ids`), or by name (`$namen`, lower case with
// the spaces trimmed; graph_api/domain/landschap/synchronisatie.py compares the leverancier's
// name itself), with their leverancier's name and whether they are retired. A concept
// (missing software, `gemeldDoor`) only where the asker sees it, as in the catalogue.
// zicht: the catalogue, with concepts as the asker sees them.
// params: {"ids": ["onbekend"], "namen": ["onbekend"]}
MATCH (a:Applicatie)
WHERE (a.id IN $ids OR toLower(trim(a.naam)) IN $namen)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
RETURN a.id AS id, a.naam AS naam, l.naam AS leverancier,
       coalesce(a.status, 'ACTIEF') = 'TERUGGETROKKEN' AS teruggetrokken
ORDER BY id
