// A leverancier's own concepts waiting for functioneel beheer's review (applications marked
// gemeldDoor the leverancier), by name, for its own beheerders and functioneel beheer.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties)
  AND ($zicht.beheer OR l.id IN $zicht.concepten)
MATCH (a:Applicatie)
WHERE a.gemeldDoor = l.id
RETURN a {.*} AS item
ORDER BY toLower(a.naam), a.id
