// A page of applications, filtered, ordered by how many Gebruik they have, after a keyset cursor.
// Only Gebruik the asker may see ($zicht) is counted.
// params: {"tekst": "zaak", "status": null, "type": null, "leverancier": null, "referentiecomponent": null, "standaard": null, "hostingmodel": "SAAS", "licentietype": null, "aflopend": false, "na": null, "limit": 5}
MATCH (a:Applicatie)
WHERE ($tekst IS NULL OR toLower(a.naam) CONTAINS $tekst)
  AND ($status IS NULL OR a.status = $status)
  AND ($type IS NULL OR a.type = $type)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND ($standaard IS NULL OR (a)-[:HEEFT_VERSIE]->(:Versie)-[:ONDERSTEUNT]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
WITH a, size([(a)<-[:VAN]-(g)<-[:GEBRUIKT]-(o) WHERE $zicht.alleGebruik OR o.id IN $zicht.landschappen OR a.id IN $zicht.producten | 1]) AS k
WHERE $na IS NULL
   OR ($aflopend AND (k < $na.k OR (k = $na.k AND a.id < $na.id)))
   OR (NOT $aflopend AND (k > $na.k OR (k = $na.k AND a.id > $na.id)))
RETURN k, a {.*} AS item
ORDER BY CASE WHEN $aflopend THEN null ELSE k END, CASE WHEN $aflopend THEN k END DESC,
         CASE WHEN $aflopend THEN null ELSE a.id END, CASE WHEN $aflopend THEN a.id END DESC
LIMIT $limit
