// The asker's own meldingen by id ($ids), for `node`; another person's is not found.
// zicht: only the asker's own ($ontvanger, from its token).
// params: {"ids": ["mel-onbekend"], "ontvanger": "gebruiker-onbekend"}
UNWIND $ids AS sleutel
MATCH (n:Melding {id: sleutel})
WHERE n.ontvanger = $ontvanger
RETURN sleutel, n {.*} AS item
