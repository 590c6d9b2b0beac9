// How many of the asker's own meldingen the list holds under $ongelezen (see melding/lijst),
// and how many of all its meldingen are unread.
// zicht: only the asker's own ($ontvanger, from its token).
// params: {"ontvanger": "gebruiker-onbekend", "ongelezen": null}
OPTIONAL MATCH (n:Melding {ontvanger: $ontvanger})
WITH collect(n) AS alle
RETURN size([n IN alle WHERE $ongelezen IS NULL OR n.gelezen = (NOT $ongelezen)]) AS aantal,
       size([n IN alle WHERE n.gelezen = false]) AS ongelezen
