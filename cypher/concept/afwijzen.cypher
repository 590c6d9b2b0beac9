// Sends a concept application back to whoever offered it, with the reason
// (`afwijzingsreden`): it stays a concept, hidden as before, and the leverancier sees the reason
// on it until it changes the concept (which offers it for review again) or deletes it; versie
// one up; a Wijziging. Functioneel beheer only, a concept only; otherwise no row.
// zicht: a write; only $zicht.beheer may send a concept back.
// params: {"id": "app-onbekend", "reden": "Onbekend", "wijziging": {"id": "wij-onbekend"}}
MATCH (c:Applicatie {id: $id})
WHERE $zicht.beheer AND c.gemeldDoor IS NOT NULL
SET c.afwijzingsreden = $reden, c.versie = coalesce(c.versie, 1) + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN c.id AS id
