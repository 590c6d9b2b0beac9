// The leverancier of a leveranciersoverzicht, for its own aanbod- and organisatie-beheerders
// ($zicht.aanbod, $zicht.organisaties) and functioneel beheer; a concept only where it may be
// seen (docs/access.md, "Concepts"). No row for anyone else.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties)
  AND (l.gemeldDoor IS NULL OR $zicht.beheer OR l.gemeldDoor IN $zicht.concepten)
RETURN l {.*, label: 'Leverancier'} AS item
