// Who hears that a review of its application or dienst was published ($wijzigingen: approved):
// every person of the object's leverancier (BIEDT_AAN, LEVERT). The text names the score, not
// the reviewer: not every one of them may see who uses the object (docs/access.md, "Reviews").
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (b:Beoordeling {id: w.object})-[:OVER]->(x)<-[:BIEDT_AAN|LEVERT]-(l:Leverancier)
WITH w, b, x, l
MATCH (p:Gebruiker)-[:LID_VAN]->(l)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, l.id AS organisatie, b.id AS object,
       'Beoordeling' AS objectLabel,
       'Er is een beoordeling van ' + x.naam + ' gepubliceerd (score ' + toString(b.score) + ' van 5)' AS tekst
