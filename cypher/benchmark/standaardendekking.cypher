// How many of a gemeente's koppelingen there are, how many have a standard GEMMA names as
// required at an end, and how many follow one (the flags koppeling/standaarden keeps).
// One gemeente's figures: only for those who may see its whole landscape ($zicht).
// params: {"gemeente": "GM0363"}
MATCH (g:Gemeente {id: $gemeente})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
WITH g, k
WHERE $zicht.alleLandschappen OR g.id IN $zicht.landschappen
RETURN count(k) AS koppelingen,
       sum(CASE WHEN k.heeftVereisteStandaard THEN 1 ELSE 0 END) AS metVerplichteStandaard,
       sum(CASE WHEN k.volgtVereisteStandaard THEN 1 ELSE 0 END) AS volgensVerplichteStandaard
