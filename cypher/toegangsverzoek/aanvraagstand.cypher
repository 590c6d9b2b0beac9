// The organisation a person asks for access, as the request will find it: its kind (its label
// besides Organisatie) and how many open requests the person ($subject) has there. No row for
// an unknown organisation or a concept (gemeldDoor) the asker may not see.
// params: {"organisatie": "GM0363", "subject": "onbekend"}
MATCH (o:Organisatie {id: $organisatie})
WHERE o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten
OPTIONAL MATCH (o)<-[:AAN]-(v:Toegangsverzoek {subject: $subject})
WHERE v.status = 'INGEDIEND'
RETURN [x IN labels(o) WHERE x <> 'Organisatie'][0] AS soort, count(v) AS open
