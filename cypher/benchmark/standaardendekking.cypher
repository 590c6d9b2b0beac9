// How many of a gemeente's koppelingen there are, how many have a standard GEMMA names as
// required at an end, and how many follow one (the flags koppeling/standaarden keeps).
// params: {"gemeente": "GM0363"}
MATCH (:Gemeente {id: $gemeente})-[:GEBRUIKT]->(:Gebruik)<-[:VAN]-(k:Koppeling)
RETURN count(k) AS koppelingen,
       sum(CASE WHEN k.heeftVereisteStandaard THEN 1 ELSE 0 END) AS metVerplichteStandaard,
       sum(CASE WHEN k.volgtVereisteStandaard THEN 1 ELSE 0 END) AS volgensVerplichteStandaard
