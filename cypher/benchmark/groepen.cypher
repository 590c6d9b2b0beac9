// The groups gemeenten fall in for a benchmark ($splitsing: GEEN, PROVINCIE or GROOTTEKLASSE,
// the latter by inhabitants: KLEIN under 20,000, MIDDEL to 50,000, GROOT to 100,000,
// ZEER_GROOT above), each with its size and how many of its gemeenten use something for the
// reference component; groups of fewer than $minimaleGroep gemeenten are left out.
// Who uses the component is counted only for those who may see aggregates or all Gebruik ($zicht).
// params: {"referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "splitsing": "PROVINCIE", "minimaleGroep": 5}
MATCH (g:Gemeente)
WITH g, CASE $splitsing WHEN 'PROVINCIE' THEN g.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep,
     size([(g)-[:GEBRUIKT]->(u)-[:VOOR]->(c) WHERE c.id = $referentiecomponent AND u.status <> 'UITGEFASEERD' | 1]) > 0
       AND ($zicht.aggregaten OR $zicht.alleGebruik) AS gebruikt
WITH groep, count(g) AS gemeenten, sum(CASE WHEN gebruikt THEN 1 ELSE 0 END) AS metComponent
WHERE gemeenten >= $minimaleGroep
RETURN groep, gemeenten, CASE WHEN metComponent >= $minimaleGroep THEN metComponent END AS metComponent
ORDER BY groep
