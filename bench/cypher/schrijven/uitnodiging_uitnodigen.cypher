// The least an invitation writes (nodigUit): the invitation of the organisation, with the
// properties the API makes (the hash of its code among them), and its change record. It leaves
// out who may write and whether the address is a member or invited already (the client knows
// it is new).
// params: {"organisatie": "onbekend", "uitnodiging": {"id": "uit-onbekend"}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
CREATE (n:Uitnodiging)-[:UITNODIGING_VAN]->(o)
SET n = $uitnodiging
CREATE (w:Wijziging)
SET w = $wijziging
RETURN n.id AS id
