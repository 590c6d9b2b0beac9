// Who hears of a concept application recorded (missing software a landscape reported, or a
// product of a leverancier without a track record; $wijzigingen): every functioneel beheerder,
// who publishes, sends back or merges it.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (a:Applicatie {id: w.object})
OPTIONAL MATCH (m:Organisatie {id: a.gemeldDoor})
WITH w, a, m
MATCH (p:Gebruiker)-[r:LID_VAN]->(o:Beheerorganisatie)
WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, a.id AS object,
       'Applicatie' AS objectLabel,
       coalesce(CASE WHEN 'Gemeente' IN labels(m) THEN 'Gemeente ' + m.naam ELSE m.naam END,
                'Een organisatie') +
       ' heeft ' + a.naam + ' als concept aangemeld; het wacht op beoordeling' AS tekst
