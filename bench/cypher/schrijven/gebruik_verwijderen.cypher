// The least a deletion of a Gebruik no koppeling uses writes: the change record, and the
// Gebruik gone with its relationships, only at the versie the client expects. It leaves out who
// may write and the check for koppelingen that use it.
// params: {"gebruik": "geb-onbekend", "verwachteVersie": 1, "wijziging": {"id": "wij-onbekend"}}
MATCH (g:Gebruik {id: $gebruik})
WHERE coalesce(g.versie, 1) = $verwachteVersie
CREATE (w:Wijziging)
SET w = $wijziging
DETACH DELETE g
RETURN 1 AS verwijderd
