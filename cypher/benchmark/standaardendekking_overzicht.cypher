// Standards coverage (see benchmark/standaardendekking) of the gemeenten of each province and
// size class (see benchmark/groepen) that have koppelingen: how many such gemeenten, their
// koppelingen, how many have a required standard at an end and how many follow one, and how
// many gemeenten have at least one of each (what those figures rest on). Every count, the
// small ones too: graph_api/domain/analyse/drempel.py applies the group floor.
// An aggregate: over every landscape for those who may see aggregates ($zicht), else over the
// landscapes the asker may see.
// params: {"grenzen": [20000, 50000, 100000]}
MATCH (g:Gemeente)-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
WHERE $zicht.aggregaten OR $zicht.alleLandschappen OR g.id IN $zicht.landschappen
WITH g, count(k) AS koppelingen,
     sum(CASE WHEN k.heeftVereisteStandaard THEN 1 ELSE 0 END) AS met,
     sum(CASE WHEN k.volgtVereisteStandaard THEN 1 ELSE 0 END) AS volgens
WITH g.provincie AS provincie,
     CASE WHEN g.inwoners < $grenzen[0] THEN 'KLEIN' WHEN g.inwoners < $grenzen[1] THEN 'MIDDEL' WHEN g.inwoners < $grenzen[2] THEN 'GROOT' ELSE 'ZEER_GROOT' END AS grootteklasse,
     count(g) AS gemeenten, sum(koppelingen) AS koppelingen,
     sum(met) AS metVerplichteStandaard, sum(volgens) AS volgensVerplichteStandaard,
     count(CASE WHEN met > 0 THEN 1 END) AS gemeentenMet, count(CASE WHEN volgens > 0 THEN 1 END) AS gemeentenVolgens
RETURN provincie, grootteklasse, gemeenten, koppelingen, metVerplichteStandaard, volgensVerplichteStandaard,
       gemeentenMet, gemeentenVolgens
ORDER BY provincie, grootteklasse
