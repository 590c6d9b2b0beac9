// Deletes a Gebruik and records the change (a Wijziging), in one statement. It matches only a
// Gebruik of an organisation the asker may change, at the versie the asker expects, and, unless
// $ookKoppelingen, one no koppeling uses (as van, naar or via); with it, those koppelingen go
// too, with the KOPPELT relationships derived from them. Otherwise it writes nothing and
// returns no row.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"gebruik": "onbekend", "verwachteVersie": 1, "ookKoppelingen": false, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})
WHERE ($zicht.beheer OR o.id IN $zicht.wijzigbaar)
  AND coalesce(g.versie, 1) = $verwachteVersie
WITH g, [(g)<-[:VAN|NAAR|VIA]-(k) | k] AS koppelingen
WHERE $ookKoppelingen OR size(koppelingen) = 0
// A koppeling through g as its intermediary joins two other Gebruik: its KOPPELT goes by id.
WITH g, koppelingen,
     [(g)<-[:VIA]-(k)-[:VAN]->(x)-[kr:KOPPELT]-() WHERE kr.koppelingId = k.id | kr] AS afgeleid
FOREACH (kr IN afgeleid | DELETE kr)
FOREACH (k IN koppelingen | DETACH DELETE k)
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE g
RETURN size(koppelingen) AS koppelingen
