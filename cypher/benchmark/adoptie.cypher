// Adoption of the applications (or leveranciers, $per) for one reference component: per group
// of gemeenten (see benchmark/groepen) how many gemeenten use each, counting Gebruik that is
// not phased out. Values used by fewer than $minimaleGroep gemeenten are not shown, only
// counted as suppressed, and groups of fewer gemeenten are left out altogether.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "per": "LEVERANCIER", "splitsing": "GROOTTEKLASSE", "minimaleGroep": 5}
MATCH (g:Gemeente)
WITH CASE $splitsing WHEN 'PROVINCIE' THEN g.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep, count(g) AS gemeenten
WHERE gemeenten >= $minimaleGroep
WITH collect(groep) AS groepen
MATCH (c:Referentiecomponent {id: $referentiecomponent})<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(g:Gemeente)
WITH groepen, u, g, CASE $splitsing WHEN 'PROVINCIE' THEN g.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep
WHERE u.status <> 'UITGEFASEERD' AND groep IN groepen AND ($zicht.aggregaten OR $zicht.alleGebruik)
MATCH (u)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
WITH groep, CASE $per WHEN 'LEVERANCIER' THEN l.id ELSE a.id END AS waarde, count(DISTINCT g) AS gemeenten
WITH groep, collect({waarde: waarde, gemeenten: gemeenten}) AS waarden
RETURN groep,
       [w IN waarden WHERE w.gemeenten >= $minimaleGroep] AS zichtbaar,
       size([w IN waarden WHERE w.gemeenten < $minimaleGroep]) AS onderdrukt
ORDER BY groep
