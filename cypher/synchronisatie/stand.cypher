// What a sync of an organisation's landscape plans against (graph_api/domain/landschap/
// synchronisatie.py): whether the organisation exists, and its Gebruik with their application
// and the source key a sync stored on them (`bronSleutel`), and the koppelingen of its
// landscape a sync keeps (a `bronSleutel` on the Koppeling) with their ends and standard
// versions by id. Only for an asker who may change that landscape ($zicht.beheer,
// $zicht.wijzigbaar): for anyone else the lists are empty.
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
OPTIONAL MATCH (o)-[:GEBRUIKT]->(u:Gebruik)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n)
WHERE k.bronSleutel IS NOT NULL AND ($zicht.beheer OR o.id IN $zicht.wijzigbaar)
WITH o, gebruik, collect(CASE WHEN k IS NULL THEN NULL ELSE {
  koppeling: k {.id, .type, .richting, .status, .versie, .bronSleutel},
  van: u.id,
  naar: n.id,
  naarVoorziening: NOT n:Gebruik,
  standaardversies: [(k)-[:VOLGENS]->(sv) | sv.id]
} END) AS koppelingen
RETURN o IS NOT NULL AS organisatie, gebruik, koppelingen
