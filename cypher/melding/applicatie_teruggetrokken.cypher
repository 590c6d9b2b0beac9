// Who hears that an application was retired (TERUGGETROKKEN, $wijzigingen): every person of
// each organisation with a Gebruik of it that is not phased out.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (a:Applicatie {id: w.object})
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
WITH w, a, head(collect(l.naam)) AS leverancier
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
WHERE g.status <> 'UITGEFASEERD'
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, a.id AS object,
       'Applicatie' AS objectLabel,
       coalesce(leverancier, 'De leverancier') + ' heeft ' + a.naam +
       ' teruggetrokken: het wordt niet meer aangeboden' AS tekst
