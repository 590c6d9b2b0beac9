// Who hears that a leverancier's registration was decided ($wijzigingen): every person of that
// leverancier, told whether it was approved, or rejected and why.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (r:Registratie {id: w.object})-[:BETREFT]->(l:Leverancier)
MATCH (p:Gebruiker)-[:LID_VAN]->(l)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, l.id AS organisatie, l.id AS object,
       'Leverancier' AS objectLabel,
       'De registratie van ' + l.naam +
       CASE r.status WHEN 'GOEDGEKEURD' THEN ' is goedgekeurd'
                     ELSE ' is afgewezen' + coalesce(': ' + r.reden, '') END AS tekst
