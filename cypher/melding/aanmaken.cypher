// Creates the meldingen a request's change records call for ($meldingen: one map each, its
// properties; graph_api/domain/meldingen/afleiding.py), each only where it still holds: to
// an active person (no machine client) with an active membership of the organisation it is sent
// for, who did not make the change itself and has not switched its kind off; and none that
// exists already (its id follows from its record, kind and person: derived again, it is kept
// as it is, read or not). Returns how many were made.
// zicht: no landscape read for the asker: the recipients were found by the rules' reads, and each
// melding is read only by its own recipient (melding/lijst).
// params: {"meldingen": [{"id": "mel-onbekend", "ontvanger": "gebruiker-onbekend", "organisatie": "GM0363", "soort": "NIEUWE_VERSIE", "tekst": "Onbekend heeft versie 1.0 van Onbekend uitgebracht", "object": "ver-onbekend", "objectLabel": "Versie", "wijziging": "wij-onbekend", "aangemaakt": "2026-06-30T09:15:00.000Z", "gelezen": false}]}
UNWIND $meldingen AS m
OPTIONAL MATCH (bestaand:Melding {id: m.id})
WITH m, bestaand
WHERE bestaand IS NULL
MATCH (w:Wijziging {id: m.wijziging})
MATCH (p:Gebruiker {id: m.ontvanger})
WHERE p.id <> w.actor AND p.status = 'ACTIEF' AND coalesce(p.soort, 'PERSOON') = 'PERSOON'
  AND NOT m.soort IN coalesce(p.meldingenUit, [])
MATCH (p)-[l:LID_VAN]->(o:Organisatie {id: m.organisatie})
WHERE coalesce(l.status, 'ACTIEF') = 'ACTIEF'
CREATE (n:Melding)
SET n = m
RETURN count(n) AS aantal
