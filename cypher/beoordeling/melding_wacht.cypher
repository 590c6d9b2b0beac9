// Who hears that a review waits for moderation ($wijzigingen: written, or written again after a
// decision): every functioneel beheerder, who moderates it and may see who wrote it.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: w.object})-[:OVER]->(x)
WITH w, o, b, x
MATCH (p:Gebruiker)-[r:LID_VAN]->(beheer:Beheerorganisatie)
WHERE 'FUNCTIONEEL_BEHEERDER' IN r.rollen
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, beheer.id AS organisatie, b.id AS object,
       'Beoordeling' AS objectLabel,
       o.naam + ' heeft ' + x.naam + ' beoordeeld; de beoordeling wacht op moderatie' AS tekst
