// An organisation's profile as a write finds it: its properties, what kind it is, its
// certifications and contact persons. Read before a change of the profile, to say which error
// an impossible write is and what the change record holds before. A concept organisation only
// where the asker sees it (docs/access.md, "Concepts").
// params: {"id": "GM0363"}
MATCH (o:Organisatie {id: $id})
WHERE o.gemeldDoor IS NULL OR $zicht.beheer OR o.gemeldDoor IN $zicht.concepten
RETURN o {.*} AS organisatie,
       [l IN labels(o) WHERE l <> 'Organisatie'][0] AS label,
       [(o)-[:HEEFT_CERTIFICERING]->(c) | c {.*}] AS certificeringen,
       [(o)-[:HEEFT_CONTACTPERSOON]->(p) | p {.*}] AS contactpersonen
