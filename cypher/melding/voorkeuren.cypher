// The kinds of melding a person switched off (Gebruiker.meldingenUit); none when absent.
// zicht: only the asker's own ($ontvanger, from its token).
// params: {"ontvanger": "gebruiker-onbekend"}
MATCH (p:Gebruiker {id: $ontvanger})
RETURN coalesce(p.meldingenUit, []) AS uit
