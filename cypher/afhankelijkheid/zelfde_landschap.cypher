// The organisations whose landscapes two Gebruik belong to, when the asker may see both ($zicht).
// params: {"van": "geb-GM0363-0001", "naar": "geb-GM0363-0002"}
MATCH (oa:Organisatie)-[:GEBRUIKT]->(ga:Gebruik {id: $van})-[:VAN]->(aa:Applicatie)
MATCH (ob:Organisatie)-[:GEBRUIKT]->(gb:Gebruik {id: $naar})-[:VAN]->(ab:Applicatie)
WITH oa, aa, ob, ab
WHERE ($zicht.alleGebruik OR oa.id IN $zicht.landschappen OR aa.id IN $zicht.producten)
  AND ($zicht.alleGebruik OR ob.id IN $zicht.landschappen OR ab.id IN $zicht.producten)
RETURN oa.id AS van, ob.id AS naar
