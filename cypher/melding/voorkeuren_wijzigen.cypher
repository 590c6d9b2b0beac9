// Sets the kinds of melding the asker switched off ($uit: all of them, the rest on), with a
// Wijziging of the person. Its own only; no row for an unknown person.
// zicht: only the asker's own ($ontvanger, from its token).
// params: {"ontvanger": "gebruiker-onbekend", "uit": [], "wijziging": {"id": "wij-onbekend"}}
MATCH (p:Gebruiker {id: $ontvanger})
SET p.meldingenUit = $uit
CREATE (w:Wijziging)
SET w = $wijziging
RETURN p.meldingenUit AS uit
