// Standards coverage (see benchmark/standaardendekking) over all gemeenten, per group (see
// benchmark/groepen); groups of fewer than $minimaleGroep gemeenten are left out.
// An aggregate: over every landscape for those who may see aggregates ($zicht), else over the
// landscapes the asker may see.
// params: {"splitsing": "PROVINCIE", "minimaleGroep": 5}
MATCH (g:Gemeente)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
WHERE $zicht.aggregaten OR $zicht.alleLandschappen OR g.id IN $zicht.landschappen
WITH CASE $splitsing WHEN 'PROVINCIE' THEN g.provincie WHEN 'GROOTTEKLASSE' THEN CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END ELSE 'NEDERLAND' END AS groep, g, k
WITH groep, count(DISTINCT g) AS gemeenten, count(k) AS koppelingen,
     sum(CASE WHEN k.heeftVereisteStandaard THEN 1 ELSE 0 END) AS metVerplichteStandaard,
     sum(CASE WHEN k.volgtVereisteStandaard THEN 1 ELSE 0 END) AS volgensVerplichteStandaard
WHERE gemeenten >= $minimaleGroep
RETURN groep, gemeenten, koppelingen, metVerplichteStandaard, volgensVerplichteStandaard
ORDER BY groep
