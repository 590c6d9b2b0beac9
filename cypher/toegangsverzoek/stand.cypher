// A request for access as a decision finds it, for functioneel beheer and the organisatie-
// beheerders of the organisation asked: every property, the organisation and its kind, and
// whether a Gebruiker has the person's subject or e-mail now. No row for anyone else.
// params: {"id": "tgv-onbekend"}
MATCH (t:Toegangsverzoek {id: $id})-[:AAN]->(o:Organisatie)
WITH t, o
WHERE $zicht.beheer OR o.id IN $zicht.organisaties
OPTIONAL MATCH (x:Gebruiker {subject: t.subject})
WITH t, o, count(x) AS subjectBekend
OPTIONAL MATCH (y:Gebruiker {email: t.email})
RETURN t {.*} AS verzoek, o.id AS organisatie, [l IN labels(o) WHERE l <> 'Organisatie'][0] AS soort,
       subjectBekend > 0 AS subjectBekend, count(y) > 0 AS emailBekend
