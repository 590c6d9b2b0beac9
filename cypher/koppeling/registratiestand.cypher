// What a registration of a koppeling refers to, read before the write to name what is wrong:
// the organisation of its VAN Gebruik, whether its NAAR end is a Gebruik (and of which
// organisation) or a national facility, the organisation of its intermediary, and which of the
// standard versions asked for exist.
// zicht: the Gebruik at either end and the intermediary only as a Gebruik row may be seen: an
// id of one the asker may not see reads as unknown.
// params: {"van": "onbekend", "naar": "onbekend", "via": null, "standaardversies": []}
OPTIONAL MATCH (vo:Organisatie)-[:GEBRUIKT]->(u:Gebruik {id: $van})-[:VAN]->(va:Applicatie)
WHERE $zicht.alleGebruik OR vo.id IN $zicht.landschappen OR va.id IN $zicht.producten
WITH vo
OPTIONAL MATCH (no:Organisatie)-[:GEBRUIKT]->(ng:Gebruik {id: $naar})-[:VAN]->(na:Applicatie)
WHERE $zicht.alleGebruik OR no.id IN $zicht.landschappen OR na.id IN $zicht.producten
WITH vo, no
OPTIONAL MATCH (nv:BuitengemeentelijkeVoorziening {id: $naar})
WITH vo, no, nv
// coalesce: FalkorDB looks up a null id without the index, through every Gebruik (40 ms at
// scale 1, bench/RESULTS.md "Write API"); no Gebruik has the id ''.
OPTIONAL MATCH (io:Organisatie)-[:GEBRUIKT]->(ig:Gebruik {id: coalesce($via, '')})-[:VAN]->(ia:Applicatie)
WHERE $zicht.alleGebruik OR io.id IN $zicht.landschappen OR ia.id IN $zicht.producten
WITH vo, no, nv, io
OPTIONAL MATCH (sv:Standaardversie)
WHERE sv.id IN $standaardversies
WITH vo, no, nv, io, collect(sv.id) AS standaardversies
RETURN vo.id AS vanOrganisatie,
       CASE WHEN no IS NOT NULL THEN 'Gebruik' WHEN nv IS NOT NULL THEN 'BuitengemeentelijkeVoorziening' END AS naarSoort,
       no.id AS naarOrganisatie, io.id AS viaOrganisatie, standaardversies
