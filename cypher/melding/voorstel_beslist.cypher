// Who hears that a Gebruiksvoorstel was accepted or rejected ($wijzigingen): every person of
// the leverancier that made it, told the gemeente (it proposed to it, so it knows) and the
// application.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (v:Gebruiksvoorstel {id: w.object})-[:DOOR]->(l:Leverancier)
MATCH (v)-[:AAN]->(o:Organisatie)
MATCH (v)-[:BETREFT]->(a:Applicatie)
MATCH (p:Gebruiker)-[:LID_VAN]->(l)
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, l.id AS organisatie, v.id AS object,
       'Gebruiksvoorstel' AS objectLabel,
       CASE WHEN 'Gemeente' IN labels(o) THEN 'Gemeente ' + o.naam ELSE o.naam END +
       ' heeft uw voorstel voor ' + a.naam +
       CASE v.status WHEN 'AANVAARD' THEN ' aanvaard' ELSE ' afgewezen' + coalesce(': ' + v.reden, '') END
       AS tekst
