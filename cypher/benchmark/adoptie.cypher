// What the gemeenten of each province and size class (see benchmark/groepen) use for one
// reference component, counting Gebruik of the statuses given ($statussen): per cross group, one row per
// application [application, its leverancier, gemeenten using it, gemeenten for which it is
// the first of its leverancier's applications] and one row ['', null, gemeenten using
// anything for the component, 0]. A leverancier's gemeenten are the sum of its applications'
// last figures (a gemeente using two of them counts once: each gemeente's pairs are collected
// in leverancier order, so a leverancier's first pair is the one after another's).
// Every count, the small ones too: graph_api/domain/analyse/drempel.py applies the group floor
// and needs them all to decide which further figures to hide.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "statussen": ["VERWERVING", "GEPLAND", "IN_PRODUCTIE", "UIT_TE_FASEREN"], "grenzen": [20000, 50000, 100000]}
MATCH (:Referentiecomponent {id: $referentiecomponent})<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH u, g
WHERE u.status IN $statussen AND ($zicht.aggregaten OR $zicht.alleGebruik)
MATCH (u)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH DISTINCT g, a.id AS a, l.id AS l
ORDER BY l
WITH g, collect([a, l]) AS paren
UNWIND range(0, size(paren)) AS i
WITH g, CASE WHEN i = 0 THEN ['', null] ELSE paren[i - 1] END AS paar,
     CASE WHEN i = 1 OR (i > 1 AND paren[i - 1][1] <> paren[i - 2][1]) THEN 1 END AS eerste
WITH g.provincie AS provincie,
     CASE WHEN g.inwoners < $grenzen[0] THEN 'KLEIN' WHEN g.inwoners < $grenzen[1] THEN 'MIDDEL' WHEN g.inwoners < $grenzen[2] THEN 'GROOT' ELSE 'ZEER_GROOT' END AS grootteklasse,
     paar[0] AS applicatie, paar[1] AS leverancier, count(*) AS gemeenten, count(eerste) AS eerste
RETURN provincie, grootteklasse, collect([applicatie, leverancier, gemeenten, eerste]) AS waarden
ORDER BY provincie, grootteklasse
