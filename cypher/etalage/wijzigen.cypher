// Changes an etalage item (its title: what is in $eigenschappen) and records the change, in
// one statement. It matches only an item of an application the asker sees and whose aanbod it
// may change ($zicht.aanbod, $zicht.beheer), at the versie the asker expects; otherwise it
// writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"item": "onbekend", "verwachteVersie": 1, "eigenschappen": {"titel": "Nieuw"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (e:EtalageItem {id: $item})-[:TOONT]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
WITH DISTINCT e
// Lock e before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET e:EtalageItem
WITH e
WHERE e.versie = $verwachteVersie
SET e += $eigenschappen
SET e.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN e.id AS id, e.versie AS versie
