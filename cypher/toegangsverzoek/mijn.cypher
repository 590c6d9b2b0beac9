// The requests for access of the person asking ($subject, the token's: never input), newest
// first: where each stands, and the reason of a refusal.
// zicht: the person's own requests, found by its own subject; nobody else's.
// params: {"subject": "onbekend"}
MATCH (t:Toegangsverzoek {subject: $subject})-[:AAN]->(o:Organisatie)
RETURN t {.*, organisatie: o.id} AS item
ORDER BY t.ingediendOp DESC, t.id DESC
