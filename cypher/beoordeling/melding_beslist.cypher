// Who hears that a review was moderated ($wijzigingen): every person of the organisation that
// wrote it, told whether it was approved, or rejected and why.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: w.object})-[:OVER]->(x)
WITH w, o, b, x
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, b.id AS object,
       'Beoordeling' AS objectLabel,
       'Uw beoordeling van ' + x.naam +
       CASE b.status WHEN 'GOEDGEKEURD' THEN ' is goedgekeurd en gepubliceerd'
                     ELSE ' is afgewezen' + coalesce(': ' + b.reden, '') END AS tekst
