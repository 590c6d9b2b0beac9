// Adds an item (a file already in the file store, or a link) to an application's etalage and
// records the change (a Wijziging), in one statement. It matches only an application the
// asker sees and whose aanbod it may change (a leverancier offering it in $zicht.aanbod, or
// $zicht.beheer); otherwise it writes nothing and returns no row. The API made the id and
// every property.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"applicatie": "onbekend", "eigenschappen": {"id": "eti-onbekend", "soort": "SCREENSHOT", "titel": "Het dashboard", "bestand": "nd/eti-onbekend.png", "contentType": "image/png", "grootte": 4096, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "versie": 1, "aangemaaktOp": "2026-06-30T09:15:00.000Z", "aangemaaktDoor": "gebruiker-onbekend", "gewijzigdOp": "2026-06-30T09:15:00.000Z", "gewijzigdDoor": "gebruiker-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie {id: $applicatie})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
WITH DISTINCT a
CREATE (e:EtalageItem)
SET e = $eigenschappen
CREATE (e)-[:TOONT]->(a)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN e.id AS id, e.versie AS versie
