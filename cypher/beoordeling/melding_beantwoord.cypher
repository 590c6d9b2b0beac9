// Who hears that the leverancier answered a review ($wijzigingen): every person of the
// organisation that wrote it.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: w.object})-[:OVER]->(x)<-[:BIEDT_AAN|LEVERT]-(l:Leverancier)
WITH w, o, b, x, l
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, b.id AS object,
       'Beoordeling' AS objectLabel,
       l.naam + ' heeft uw beoordeling van ' + x.naam + ' beantwoord' AS tekst
