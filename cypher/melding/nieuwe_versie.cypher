// Who hears of a new version (a Versie AANGEMAAKT, $wijzigingen): every person of each
// organisation with a Gebruik of its application that it has not phased out, told by the
// leverancier's and the application's names (which they see: they use it).
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie {id: w.object})
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
WITH w, a, v, head(collect(l.naam)) AS leverancier
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a)
WHERE g.status <> 'UITGEFASEERD'
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, v.id AS object,
       'Versie' AS objectLabel,
       coalesce(leverancier + ' heeft', 'Er is') + ' versie ' + v.versie + ' van ' + a.naam +
       ' uitgebracht' AS tekst
