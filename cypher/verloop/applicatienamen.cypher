// The name of each application now (null once it is gone) and its change records at or after
// $sinds, whose `voor` holds the name it had before a change of it (a new name, a deletion, a
// concept merged away): a difference names the applications of its lines as they were then.
// zicht: the applications are those of Gebruik in a landscape the asker sees whole (found through
// verloop/einden, which applies it), so concepts among them are the asker's to see; only their
// records' `voor` is read, for the name, of the catalogue every role reads.
// params: {"ids": ["app-00001"], "sinds": "2026-01-01T00:00:00.000Z"}
UNWIND $ids AS sleutel
OPTIONAL MATCH (a:Applicatie {id: sleutel})
WITH sleutel, a
OPTIONAL MATCH (w:Wijziging {object: sleutel})
WHERE w.objectLabel = 'Applicatie' AND w.tijdstip >= $sinds
RETURN sleutel AS id, a.naam AS naam, collect(w {.tijdstip, .voor}) AS wijzigingen
