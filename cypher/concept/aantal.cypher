// How many concept applications there are, for functioneel beheer only (see concept/lijst).
// params: {}
MATCH (a:Applicatie)
WHERE $zicht.beheer AND a.gemeldDoor IS NOT NULL
RETURN count(a) AS aantal
