// Who hears that a dienst was retired (INGETROKKEN, $wijzigingen): every person of each
// organisation with a Gebruik that takes it and is not phased out.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (d:Dienst {id: w.object})
OPTIONAL MATCH (l:Leverancier)-[:LEVERT]->(d)
WITH w, d, head(collect(l.naam)) AS leverancier
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:NEEMT_AF]->(d)
WHERE g.status <> 'UITGEFASEERD'
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, d.id AS object,
       'Dienst' AS objectLabel,
       coalesce(leverancier, 'De leverancier') + ' heeft de dienst ' + d.naam + ' ingetrokken' AS tekst
