// The meldingen made since $sinds for the people subscribed in this API process ($ontvangers):
// what the live delivery's listener polls (graph_api/meldingen_live/luisteraar.py). The range
// on the indexed `aangemaakt` keeps each poll to the last seconds' meldingen.
// zicht: none; each row goes only to its own recipient's subscriptions.
// params: {"sinds": "2026-01-01T00:00:00.000Z", "ontvangers": ["gebruiker-onbekend"]}
MATCH (n:Melding)
WHERE n.aangemaakt >= $sinds AND n.ontvanger IN $ontvangers
RETURN n {.*} AS melding
ORDER BY melding.aangemaakt, melding.id
