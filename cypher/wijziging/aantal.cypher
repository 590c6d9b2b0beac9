// How many recorded changes the asker may see pass the filter of wijziging/lijst.
// params: {"organisatie": "GM0363", "object": null, "sinds": "2026-01-01T00:00:00.000Z"}
MATCH (w:Wijziging)
WHERE ($organisatie IS NULL OR w.organisatie = $organisatie)
  AND ($object IS NULL OR w.object = $object)
  AND ($sinds IS NULL OR w.tijdstip >= $sinds)
  AND ($zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen)
RETURN count(w) AS aantal
