// Registers an application (a product, or a module ONDERDEEL_VAN a product of the same
// leverancier) that the leverancier BIEDT_AAN, with the referentiecomponenten it REALISEERT,
// and records the change (a Wijziging), in one statement. It matches only a leverancier whose
// aanbod the asker may change ($zicht.aanbod, or $zicht.beheer), a product that is no module
// and not retired, every referentiecomponent asked for, and only while the application is the
// concept or not that $concept says (the leverancier's track record, as the read before found
// it: docs/access.md, "The aanbod"). Otherwise it writes nothing and returns no row.
// zicht: a write; $zicht.aanbod is narrower than what the asker may see.
// params: {"leverancier": "onbekend", "onderdeelVan": null, "referentiecomponenten": [], "concept": false, "eigenschappen": {"id": "app-onbekend", "naam": "Onbekend", "type": "APPLICATIE", "licentietype": "CLOSED_SOURCE", "status": "ACTIEF", "versie": 1}, "wijziging": {"id": "wij-onbekend"}}
MATCH (l:Leverancier {id: $leverancier})
WHERE $zicht.beheer OR l.id IN $zicht.aanbod
OPTIONAL MATCH (l)-[:BIEDT_AAN]->(gepubliceerd:Applicatie)
WHERE gepubliceerd.gemeldDoor IS NULL
WITH l, count(gepubliceerd) AS gepubliceerd
OPTIONAL MATCH (l)-[:BIEDT_AAN]->(p:Applicatie {id: $onderdeelVan})
WHERE p.status <> 'TERUGGETROKKEN'
  AND (p.gemeldDoor IS NULL OR $zicht.beheer OR p.gemeldDoor IN $zicht.concepten)
OPTIONAL MATCH (p)-[:ONDERDEEL_VAN]->(pp:Applicatie)
WITH l, gepubliceerd, p, count(pp) AS boven
WHERE ($onderdeelVan IS NULL OR p IS NOT NULL) AND boven = 0
WITH l, p,
     l.gemeldDoor IS NOT NULL OR (p IS NOT NULL AND p.gemeldDoor IS NOT NULL)
     OR (NOT $zicht.beheer AND gepubliceerd = 0) AS concept
WHERE concept = $concept
OPTIONAL MATCH (r:Referentiecomponent)
WHERE r.id IN $referentiecomponenten
WITH l, p, collect(r) AS componenten
WHERE size(componenten) = size($referentiecomponenten)
CREATE (l)-[:BIEDT_AAN]->(a:Applicatie)
SET a = $eigenschappen
FOREACH (product IN CASE WHEN p IS NULL THEN [] ELSE [p] END | CREATE (a)-[:ONDERDEEL_VAN]->(product))
FOREACH (r IN componenten | CREATE (a)-[:REALISEERT]->(r))
CREATE (w:Wijziging)
SET w = $wijziging
RETURN a.id AS id, a.versie AS versie
