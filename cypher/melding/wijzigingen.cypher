// The change records made from $sinds (until $tot, when given) of the labels a melding follows
// ($labels): what `graph-api meldingen inhalen` derives the meldingen of again.
// zicht: an operator's command, not a request: no asker.
// params: {"sinds": "2026-06-30T09:15:00.000Z", "tot": null, "labels": ["Versie"]}
MATCH (w:Wijziging)
WHERE w.tijdstip >= $sinds AND ($tot IS NULL OR w.tijdstip < $tot) AND w.objectLabel IN $labels
RETURN w {.id, .objectLabel, .operatie, .voor, .na} AS w
ORDER BY w.tijdstip, w.id
