// Deletes a Gebruik and records the change (a Wijziging), in one statement. It matches only a
// Gebruik the asker may change (as gebruik/wijzigen does: its organisation's landscape, or
// registered by the asker's samenwerking for a member), at the versie the asker expects, and,
// unless $ookKoppelingen, one no koppeling uses (as van, naar or via); with it, those
// koppelingen go too, with the KOPPELT relationships derived from them, each recorded by a
// Wijziging of its own ($koppelingWijzigingen). Koppelingen are the member's own: only who may
// change the whole landscape deletes them along (not a samenwerking that registered the
// Gebruik). Those records hold the koppelingen as read before, so it writes only when it finds
// those same koppelingen at the same versie ($koppelingStand: `id@versie`). Otherwise it writes
// nothing and returns no row. The standard flags of other koppelingen do not depend on this
// Gebruik's koppelingen: nothing else to derive.
// zicht: a write; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"gebruik": "onbekend", "verwachteVersie": 1, "ookKoppelingen": false, "koppelingStand": [], "koppelingWijzigingen": [], "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})
// Lock g before reading its versie (docs/architecture.md, "Concurrent writes on Neo4j").
SET g:Gebruik
WITH o, g
WHERE coalesce(g.versie, 1) = $verwachteVersie
OPTIONAL MATCH (o)-[:DEELNEMER_VAN]->(s:Samenwerking)-[:REGISTREERT]->(g)
WHERE s.id IN $zicht.wijzigbaar
WITH o, g, count(s) AS namens, $zicht.beheer OR o.id IN $zicht.wijzigbaar AS landschap
WHERE landschap OR namens > 0
WITH g, landschap, [(g)<-[:VAN|NAAR|VIA]-(k) | k] AS koppelingen
WHERE size(koppelingen) = 0 OR ($ookKoppelingen AND landschap)
WITH g, koppelingen, [k2 IN koppelingen | k2.id + '@' + toString(coalesce(k2.versie, 1))] AS stand
WHERE size(stand) = size($koppelingStand) AND all(s IN stand WHERE s IN $koppelingStand)
// A koppeling through g as its intermediary joins two other Gebruik: its KOPPELT goes by id.
// One direction at a time: FalkorDB's undirected pattern comprehension missed incoming ones.
WITH g, koppelingen,
     [(g)<-[:VIA]-(k)-[:VAN]->(x)-[kr:KOPPELT]->() WHERE kr.koppelingId = k.id | kr] +
     [(g)<-[:VIA]-(k2)-[:VAN]->(x2)<-[kr2:KOPPELT]-() WHERE kr2.koppelingId = k2.id | kr2] AS afgeleid
FOREACH (kr IN afgeleid | DELETE kr)
FOREACH (k IN koppelingen | DETACH DELETE k)
FOREACH (record IN $koppelingWijzigingen | CREATE (x:Wijziging) SET x = record)
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE g
RETURN size(koppelingen) AS koppelingen
