// Who hears that a gemeente showed interest ($wijzigingen): the people of the application's
// leverancier who may see who showed it, its aanbod- and organisatie-beheerders
// (cypher/leveranciersoverzicht/interesse), told the gemeente and the application.
// zicht: the recipients of a melding, not what the asker sees; each melding names only what its
// recipient sees (docs/meldingen.md).
// params: {"wijzigingen": ["wij-onbekend"]}
UNWIND $wijzigingen AS wid
MATCH (w:Wijziging {id: wid})
MATCH (i:Interesse {id: w.object})-[:GETOOND_DOOR]->(g:Gemeente)
MATCH (i)-[:INTERESSE_IN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
MATCH (p:Gebruiker)-[m:LID_VAN]->(l)
WHERE 'AANBOD_BEHEERDER' IN m.rollen OR 'ORGANISATIE_BEHEERDER' IN m.rollen
RETURN DISTINCT w.id AS wijziging, p.id AS ontvanger, l.id AS organisatie, i.id AS object,
       'Interesse' AS objectLabel,
       'Gemeente ' + g.naam + ' heeft interesse getoond in uw applicatie ' + a.naam AS tekst
