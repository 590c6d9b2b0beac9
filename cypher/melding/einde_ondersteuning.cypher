// Who hears that a version's support ends (its eindeOndersteuning set or moved, or its status
// EINDE_ONDERSTEUNING; $wijzigingen): every person of each organisation with a Gebruik that
// runs that version and is not phased out, told the application, version, leverancier and date.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (a:Applicatie)-[:HEEFT_VERSIE]->(v:Versie {id: w.object})
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a)
WITH w, a, v, head(collect(l.naam)) AS leverancier
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik)-[:VERSIE]->(v)
WHERE g.status <> 'UITGEFASEERD'
MATCH (p:Gebruiker)-[:LID_VAN]->(o)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, v.id AS object,
       'Versie' AS objectLabel,
       coalesce(leverancier, 'De leverancier') + ' beëindigt de ondersteuning van ' + a.naam +
       ' versie ' + v.versie + coalesce(' op ' + v.eindeOndersteuning, '') AS tekst
