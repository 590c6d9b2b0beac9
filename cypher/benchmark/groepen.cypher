// The groups gemeenten fall in for a benchmark ($splitsing: GEEN, PROVINCIE or GROOTTEKLASSE,
// the latter by inhabitants: KLEIN under 20,000, MIDDEL to 50,000, GROOT to 100,000,
// ZEER_GROOT above), each with its size and how many of its gemeenten use something for the
// reference component; groups of fewer than $minimaleGroep gemeenten are left out.
// The users are found from the component, not by visiting every landscape: that keeps the
// query proportional to the component's Gebruik and the number of gemeenten.
// Who uses the component is counted only for those who may see aggregates or all Gebruik ($zicht).
// params: {"referentiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "splitsing": "PROVINCIE", "minimaleGroep": 5}
OPTIONAL MATCH (c:Referentiecomponent {id: $referentiecomponent})
WITH c
OPTIONAL MATCH (c)<-[:VOOR]-(u:Gebruik)<-[:GEBRUIKT]-(gebruiker:Gemeente)
WHERE u.status <> 'UITGEFASEERD' AND ($zicht.aggregaten OR $zicht.alleGebruik)
WITH DISTINCT gebruiker
WITH CASE $splitsing WHEN 'PROVINCIE' THEN gebruiker.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN gebruiker.inwoners < 20000 THEN 'KLEIN' WHEN gebruiker.inwoners < 50000 THEN 'MIDDEL' WHEN gebruiker.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep,
     count(gebruiker) AS aantal
WITH collect({groep: groep, aantal: aantal}) AS gebruikers
MATCH (g:Gemeente)
WITH gebruikers, CASE $splitsing WHEN 'PROVINCIE' THEN g.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep, count(g) AS gemeenten
WHERE gemeenten >= $minimaleGroep
WITH groep, gemeenten, reduce(n = 0, m IN gebruikers | n + CASE WHEN m.groep = groep THEN m.aantal ELSE 0 END) AS metComponent
RETURN groep, gemeenten, CASE WHEN metComponent >= $minimaleGroep THEN metComponent END AS metComponent
ORDER BY groep
