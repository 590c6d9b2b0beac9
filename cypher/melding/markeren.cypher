// Marks the asker's own unread meldingen read: those of $ids, or all with $alle; another
// person's id matches nothing. Records the call (a Wijziging of the person) even when nothing
// was unread, so that a retry by its idempotency key answers as the first time. How many.
// zicht: only the asker's own ($ontvanger, from its token), whatever it may see.
// params: {"ontvanger": "gebruiker-onbekend", "alle": false, "ids": [], "wijziging": {"id": "wij-onbekend"}}
MATCH (p:Gebruiker {id: $ontvanger})
OPTIONAL MATCH (n:Melding {ontvanger: $ontvanger})
WHERE n.gelezen = false AND ($alle OR n.id IN $ids)
WITH p, collect(n) AS gemarkeerd
FOREACH (n IN gemarkeerd | SET n.gelezen = true)
CREATE (w:Wijziging)
SET w = $wijziging
RETURN size(gemarkeerd) AS aantal
