// How many of an organisation's invitations pass the filter of uitnodiging/lijst.
// params: {"organisatie": "GM0014", "status": null, "nu": "2026-01-01T00:00:00.000Z"}
MATCH (o:Organisatie {id: $organisatie})<-[:UITNODIGING_VAN]-(i:Uitnodiging)
WITH o, i, CASE WHEN i.status = 'OPEN' AND i.verlooptOp <= $nu THEN 'VERLOPEN' ELSE i.status END AS status
WHERE ($zicht.beheer OR o.id IN $zicht.organisaties) AND ($status IS NULL OR status = $status)
RETURN count(i) AS aantal
