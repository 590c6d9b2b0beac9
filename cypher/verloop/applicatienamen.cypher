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
// Chosen in the collect, as in verloop/einden: the object's records by its index.
WITH sleutel, a, w, w.tijdstip AS tijdstip
RETURN sleutel AS id, a.naam AS naam,
       collect(CASE WHEN w.objectLabel = 'Applicatie' AND tijdstip >= $sinds THEN w {.tijdstip, .voor} END)
         AS wijzigingen
