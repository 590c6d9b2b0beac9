// Who hears of a Gebruiksvoorstel made ($wijzigingen): every person of the gemeente it is
// made to, told the leverancier and the application.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (v:Gebruiksvoorstel {id: w.object})-[:AAN]->(o:Organisatie)
MATCH (v)-[:BETREFT]->(a:Applicatie)
MATCH (v)-[:DOOR]->(l:Leverancier)
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, v.id AS object,
       'Gebruiksvoorstel' AS objectLabel,
       l.naam + ' stelt voor ' + a.naam + ' op te nemen in uw applicatielandschap' AS tekst
