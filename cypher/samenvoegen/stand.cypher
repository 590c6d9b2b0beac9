// Two applications as merging the duplicate ($duplicaat) into the one kept ($behouden) finds
// them, for functioneel beheer only: each one's properties (null when it is no Applicatie) or
// the application it was merged into already (`...Met`), their leveranciers, every
// relationship of the duplicate (`standD`: type, direction and the other end's id, which the
// write checks again), both applications' versions, the Gebruik of the duplicate and those of
// the kept one by the same organisations (properties, organisation, the version they run), and
// the koppelingen between two such Gebruik of one organisation.
// params: {"duplicaat": "app-onbekend", "behouden": "app-onbekend-2"}
OPTIONAL MATCH (d:Applicatie {id: $duplicaat})
WHERE $zicht.beheer
OPTIONAL MATCH (dm:SamengevoegdeApplicatie {id: $duplicaat})
WHERE $zicht.beheer
WITH d, dm.samengevoegdMet AS duplicaatMet
OPTIONAL MATCH (k:Applicatie {id: $behouden})
WHERE $zicht.beheer
OPTIONAL MATCH (km:SamengevoegdeApplicatie {id: $behouden})
WHERE $zicht.beheer
WITH d, duplicaatMet, k, km.samengevoegdMet AS behoudenMet
WITH d, duplicaatMet, k, behoudenMet,
     [(l1:Leverancier)-[:BIEDT_AAN]->(d) | l1.id] AS leveranciersD,
     [(l2:Leverancier)-[:BIEDT_AAN]->(k) | l2.id] AS leveranciersK,
     [(d)-[r1]->(x1) | type(r1) + '>' + x1.id] + [(d)<-[r2]-(x2) | type(r2) + '<' + x2.id] AS standD,
     [(d)-[:HEEFT_VERSIE]->(v3:Versie) | {id: v3.id, versie: v3.versie}] AS versiesD,
     [(k)-[:HEEFT_VERSIE]->(v4:Versie) | {id: v4.id, versie: v4.versie}] AS versiesK
OPTIONAL MATCH (o5:Organisatie)-[:GEBRUIKT]->(g5:Gebruik)-[:VAN]->(d)
OPTIONAL MATCH (g5)-[:VERSIE]->(x5:Versie)
WITH d, duplicaatMet, k, behoudenMet, leveranciersD, leveranciersK, standD, versiesD, versiesK,
     collect(CASE WHEN g5 IS NULL THEN null
                  ELSE g5 {.*, organisatie: o5.id, versieId: x5.id} END) AS gebruikD,
     collect(o5.id) AS organisaties
OPTIONAL MATCH (o6:Organisatie)-[:GEBRUIKT]->(g6:Gebruik)-[:VAN]->(k)
WHERE o6.id IN organisaties
OPTIONAL MATCH (g6)-[:VERSIE]->(x6:Versie)
WITH d, duplicaatMet, k, behoudenMet, leveranciersD, leveranciersK, standD, versiesD, versiesK, gebruikD,
     collect(CASE WHEN g6 IS NULL THEN null
                  ELSE g6 {.*, organisatie: o6.id, versieId: x6.id} END) AS gebruikK
OPTIONAL MATCH (o7:Organisatie)-[:GEBRUIKT]->(g7:Gebruik)-[:VAN]->(d)
OPTIONAL MATCH (o7)-[:GEBRUIKT]->(h7:Gebruik)-[:VAN]->(k)
OPTIONAL MATCH (g7)<-[:VAN|NAAR]-(t:Koppeling)-[:VAN|NAAR]->(h7)
WITH d, duplicaatMet, k, behoudenMet, leveranciersD, leveranciersK, standD, versiesD, versiesK, gebruikD,
     gebruikK, collect(DISTINCT CASE WHEN t IS NULL THEN null ELSE {id: t.id, organisatie: o7.id} END) AS tussen
RETURN CASE WHEN d IS NULL THEN null ELSE d {.*} END AS duplicaat, duplicaatMet,
       CASE WHEN k IS NULL THEN null ELSE k {.*} END AS behouden, behoudenMet,
       leveranciersD, leveranciersK, standD, versiesD, versiesK, gebruikD, gebruikK, tussen
