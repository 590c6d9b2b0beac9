// How many registrations pass the filter of registratie/lijst: for functioneel beheer only.
// params: {"status": "INGEDIEND"}
MATCH (r:Registratie)
WHERE $zicht.beheer AND ($status IS NULL OR r.status = $status)
RETURN count(r) AS aantal
