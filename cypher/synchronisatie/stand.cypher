// What a sync of an organisation's landscape plans against (graph_api/domain/landschap/
// synchronisatie.py): whether the organisation exists, and its Gebruik with their application
// and the source key a sync stored on them (`bronSleutel`). Only for an asker who may change
// that landscape ($zicht.beheer, $zicht.wijzigbaar): for anyone else the list is empty.
// zicht: a write's plan; $zicht.wijzigbaar is narrower than what the asker may see.
// params: {"organisatie": "onbekend"}
OPTIONAL MATCH (o:Organisatie {id: $organisatie})
WITH o
OPTIONAL MATCH (o)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)
WHERE $zicht.beheer OR o.id IN $zicht.wijzigbaar
WITH o, collect(CASE WHEN g IS NULL THEN NULL ELSE {
  gebruik: g {.id, .status, .hosting, .versie, .bronSleutel},
  applicatie: a.id,
  bronSleutel: g.bronSleutel
} END) AS gebruik
RETURN o IS NOT NULL AS organisatie, gebruik
