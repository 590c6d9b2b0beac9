// The change record a write with this idempotency key made, if any: what a write sent again with
// the same key answers from (graph_api/domain/idempotentie.py). $sleutel holds the asker's id.
// zicht: only the asker's own keys can match: the key is scoped to its Gebruiker.
// params: {"sleutel": "gebruiker-onbekend/sleutel-1"}
MATCH (w:Wijziging {sleutel: $sleutel})
RETURN w.object AS object, w.objectLabel AS objectLabel, w.operatie AS operatie, w.invoer AS invoer,
       w.voor AS voor, w.na AS na, w.tijdstip AS tijdstip
