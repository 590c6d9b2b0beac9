// How many recorded changes the asker may see pass the filter of wijziging/lijst.
// params: {"organisatie": "GM0363", "object": null, "sinds": "2026-01-01T00:00:00.000Z"}
MATCH (w:Wijziging)
WHERE ($organisatie IS NULL OR w.organisatie = $organisatie)
  AND ($object IS NULL OR w.object = $object)
  AND ($sinds IS NULL OR w.tijdstip >= $sinds)
  // The records of an organisation's people are no landscape's: they list only for its
  // organisatie-beheerders and functioneel beheer, as Organisatie.medewerkers does.
  AND CASE WHEN w.objectLabel IN ['Uitnodiging', 'Lidmaatschap', 'Gebruiker']
           THEN $zicht.beheer OR w.organisatie IN $zicht.organisaties
           ELSE $zicht.alleLandschappen OR w.organisatie IN $zicht.landschappen END
RETURN count(w) AS aantal
