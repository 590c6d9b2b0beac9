// How many applications pass the filter of applicatie/lijst.
// params: {"tekst": null, "status": "ACTIEF", "type": null, "leverancier": null, "referentiecomponent": null, "standaard": null, "hostingmodel": null, "licentietype": "OPEN_SOURCE"}
MATCH (a:Applicatie)
WHERE ($tekst IS NULL OR toLower(a.naam) CONTAINS $tekst)
  AND ($status IS NULL OR a.status = $status)
  AND ($type IS NULL OR a.type = $type)
  AND ($licentietype IS NULL OR a.licentietype = $licentietype)
  AND ($hostingmodel IS NULL OR $hostingmodel IN a.cloudModellen)
  AND ($leverancier IS NULL OR (a)<-[:BIEDT_AAN]-(:Leverancier {id: $leverancier}))
  AND ($referentiecomponent IS NULL OR (a)-[:REALISEERT]->(:Referentiecomponent {id: $referentiecomponent}))
  AND ($standaard IS NULL OR (a)-[:HEEFT_VERSIE]->(:Versie)-[:ONDERSTEUNT]->(:Standaardversie)-[:VERSIE_VAN]->(:Standaard {id: $standaard}))
RETURN count(a) AS aantal
