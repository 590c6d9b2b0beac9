// A page of applications, filtered, ordered by name, after a keyset cursor.
// (Ordered by use: applicatie/lijst_op_gebruik; FalkorDB evaluates every CASE branch.)
// params: {"tekst": "zaak", "status": null, "type": null, "leverancier": null, "referentiecomponent": null, "standaard": null, "hostingmodel": "SAAS", "licentietype": null, "aflopend": false, "na": null, "limit": 5}
// Named nodes of the filters are found once, before the applications are read: a pattern per
// row that names them by id looked each up again (0.6 s for one leverancier, against 3 ms).
// A concept (missing software recorded by a gebruik-beheerder, gemeldDoor set) only for its
// reporting organisation and functioneel beheer, until published (docs/access.md, "Concepts").
OPTIONAL MATCH (leverancier:Leverancier {id: $leverancier})
OPTIONAL MATCH (component:Referentiecomponent {id: $referentiecomponent})
OPTIONAL MATCH (standaard:Standaard {id: $standaard})
WITH leverancier, component,
     [(standaard)<-[:VERSIE_VAN]-(:Standaardversie)<-[:ONDERSTEUNT]-(:Versie)<-[:HEEFT_VERSIE]-(v) | v.id] AS ondersteunend
MATCH (a:Applicatie)
WHERE ($tekst IS NULL OR toLower(a.naam) CONTAINS $tekst)
  AND ($status IS NULL OR a.status = $status)
  AND ($type IS NULL OR a.type = $type)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(leverancier))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(component))
  AND ($standaard IS NULL OR a.id IN ondersteunend)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
WITH a, toLower(a.naam) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND a.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND a.id > $na.id)))
RETURN k, a {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE a.id END, CASE WHEN $aflopend THEN a.id END DESC
LIMIT $limit
