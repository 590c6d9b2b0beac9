// Who hears that a leverancier registered (its Leverancier AANGEMAAKT with its registration,
// $wijzigingen): every functioneel beheerder, who decides on it.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (l:Leverancier {id: w.object})
MATCH (p:Gebruiker)-[r:LID_VAN]->(o:Beheerorganisatie)
WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, o.id AS organisatie, l.id AS object,
       'Leverancier' AS objectLabel,
       l.naam + ' heeft zich als leverancier geregistreerd en wacht op beoordeling' AS tekst
