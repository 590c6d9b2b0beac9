// What a registration of an application refers to, read before the write to name what is wrong:
// whether the leverancier exists (a concept one only for who sees it, as in the catalogue),
// whether the new application would be a concept (the leverancier is a concept itself, or,
// for its own aanbod-beheerder, offers no published application yet: no track record), the
// product named as `onderdeelVan` (of this leverancier, as the asker sees it: whether it is a
// module itself, a concept or retired), and which referentiecomponenten asked for exist.
// zicht: names no Gebruik.
// params: {"leverancier": "lev-0001", "onderdeelVan": null, "referentiecomponenten": []}
OPTIONAL MATCH (l:Leverancier {id: $leverancier})
WHERE l.gemeldDoor IS NULL OR $zicht.beheer OR l.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (l)-[:BIEDT_AAN]->(gepubliceerd:Applicatie)
WHERE gepubliceerd.gemeldDoor IS NULL
WITH l, count(gepubliceerd) AS gepubliceerd
OPTIONAL MATCH (p:Applicatie {id: $onderdeelVan})
WHERE p.gemeldDoor IS NULL OR $zicht.beheer OR p.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (p)<-[:BIEDT_AAN]-(pl:Leverancier)
OPTIONAL MATCH (p)-[:ONDERDEEL_VAN]->(pp:Applicatie)
WITH l, gepubliceerd, p, pl, count(pp) AS boven
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH l, gepubliceerd, p, pl, boven, collect(r.id) AS referentiecomponenten
RETURN l IS NOT NULL AS leverancier, l.gemeldDoor IS NOT NULL AS leverancierConcept,
       gepubliceerd,
       CASE WHEN p IS NULL THEN null
            ELSE {id: p.id, leverancier: pl.id, module: boven > 0, concept: p.gemeldDoor IS NOT NULL,
                  status: p.status} END AS product,
       referentiecomponenten
