// Views of applications, one node per organisation, application and ISO week, by the keyed
// hash that is its id (graph_api/domain/interesse/telling.py): an organisation viewing again,
// from any process, changes nothing. The organisation's id only passes through, to leave out a
// leverancier's views of its own applications; it is not stored.
// zicht: written by the API process after the answers, not for a request.
// params: {"bezoeken": [{"id": "bzk-onbekend", "applicatie": "onbekend", "week": "2026-W01", "organisatie": "onbekend"}]}
UNWIND $bezoeken AS b
MATCH (a:Applicatie {id: b.applicatie})
WITH b, [(a)<-[:BIEDT_AAN]-(l) | l.id] AS leveranciers
WHERE NOT b.organisatie IN leveranciers
MERGE (v:Bezoek {id: b.id})
ON CREATE SET v.applicatie = b.applicatie, v.week = b.week
RETURN count(v) AS bezoeken
