// Who hears that a concept application was decided ($wijzigingen: published, sent back, or
// merged into a published application): every person of the organisation that reported or
// offered it (the record's organisation, its gemeldDoor). A module published along with its
// product is not told apart. A merged concept is gone: its name and the application kept are
// read from the record's before and after (JSON text; a name holding a quote is cut there).
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
OPTIONAL MATCH (a:Applicatie {id: w.object})
OPTIONAL MATCH (a)-[:ONDERDEEL_VAN]->(product:Applicatie)
WITH w, a, product
WHERE product IS NULL
WITH w, a, CASE WHEN w.operatie = 'SAMENGEVOEGD'
                THEN split(split(w.na, '"samengevoegdMet": "')[1], '"')[0] END AS doelId,
     CASE WHEN w.operatie = 'SAMENGEVOEGD' THEN split(split(w.voor, '"naam": "')[1], '"')[0] END AS oudeNaam
OPTIONAL MATCH (d:Applicatie {id: doelId})
WITH w, a, d, oudeNaam
MATCH (o:Organisatie {id: w.organisatie})
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie,
       coalesce(d.id, w.object) AS object, 'Applicatie' AS objectLabel,
       CASE w.operatie
         WHEN 'SAMENGEVOEGD' THEN 'Het concept ' + coalesce(oudeNaam, '') + ' is samengevoegd met ' +
                                  coalesce(d.naam, 'een applicatie in de catalogus')
         WHEN 'STATUS_GEWIJZIGD' THEN a.naam + ' is gepubliceerd in de catalogus'
         ELSE a.naam + ' is teruggestuurd' + coalesce(': ' + a.afwijzingsreden, '')
       END AS tekst
