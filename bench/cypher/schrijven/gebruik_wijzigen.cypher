// The least a change of a Gebruik's properties writes (wijzigGebruik of fields, and
// zetGebruikStatus: a status and its date): the properties, versie one up, only at the versie
// the client expects, and the change record. It leaves out who may write, the lifecycle's
// order (the client knows the status it moves from), and the standard flags of koppelingen,
// which only a change of components moves.
// params: {"gebruik": "geb-onbekend", "verwachteVersie": 1, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (g:Gebruik {id: $gebruik})
WHERE coalesce(g.versie, 1) = $verwachteVersie
SET g += $eigenschappen
SET g.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN g.versie AS versie
