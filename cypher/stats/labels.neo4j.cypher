// Number of nodes per label (a node with two labels counts for both), labels in use only.
// One count per label of the model, answered from Neo4j's count store; tests/model
// checks that every label is listed. Landscape labels only for those who may see all of them
// or their aggregates ($zicht).
// params: {}
MATCH (n:Applicatie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Applicatie' AS label, aantal
UNION ALL
MATCH (n:Applicatieservice) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Applicatieservice' AS label, aantal
UNION ALL
MATCH (n:Bedrijfsfunctie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Bedrijfsfunctie' AS label, aantal
UNION ALL
MATCH (n:Beheerorganisatie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Beheerorganisatie' AS label, aantal
UNION ALL
MATCH (n:Beoordeling) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Beoordeling' AS label, aantal
UNION ALL
MATCH (n:Bezoek) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Bezoek' AS label, aantal
UNION ALL
MATCH (n:BuitengemeentelijkeVoorziening) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'BuitengemeentelijkeVoorziening' AS label, aantal
UNION ALL
MATCH (n:Certificering) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Certificering' AS label, aantal
UNION ALL
MATCH (n:Community) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Community' AS label, aantal
UNION ALL
MATCH (n:Contactpersoon) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Contactpersoon' AS label, aantal
UNION ALL
MATCH (n:Dataset) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Dataset' AS label, aantal
UNION ALL
MATCH (n:Delegatie) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Delegatie' AS label, aantal
UNION ALL
MATCH (n:Dienst) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Dienst' AS label, aantal
UNION ALL
MATCH (n:EtalageItem) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'EtalageItem' AS label, aantal
UNION ALL
MATCH (n:Gebruik) WITH count(n) AS aantal WHERE aantal > 0 AND ($zicht.beheer OR $zicht.aggregaten OR $zicht.alleGebruik) RETURN 'Gebruik' AS label, aantal
UNION ALL
MATCH (n:Gebruiker) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Gebruiker' AS label, aantal
UNION ALL
MATCH (n:Gebruiksvoorstel) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Gebruiksvoorstel' AS label, aantal
UNION ALL
MATCH (n:Gemeente) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Gemeente' AS label, aantal
UNION ALL
MATCH (n:GemmaElement) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'GemmaElement' AS label, aantal
UNION ALL
MATCH (n:Interesse) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Interesse' AS label, aantal
UNION ALL
MATCH (n:Koppeling) WITH count(n) AS aantal WHERE aantal > 0 AND ($zicht.beheer OR $zicht.aggregaten) RETURN 'Koppeling' AS label, aantal
UNION ALL
MATCH (n:Leverancier) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Leverancier' AS label, aantal
UNION ALL
MATCH (n:Melding) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Melding' AS label, aantal
UNION ALL
MATCH (n:OpgehevenGemeente) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'OpgehevenGemeente' AS label, aantal
UNION ALL
MATCH (n:Organisatie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Organisatie' AS label, aantal
UNION ALL
MATCH (n:Referentiecomponent) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Referentiecomponent' AS label, aantal
UNION ALL
MATCH (n:Registratie) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Registratie' AS label, aantal
UNION ALL
MATCH (n:SamengevoegdeApplicatie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'SamengevoegdeApplicatie' AS label, aantal
UNION ALL
MATCH (n:Samenwerking) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Samenwerking' AS label, aantal
UNION ALL
MATCH (n:Standaard) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Standaard' AS label, aantal
UNION ALL
MATCH (n:Standaardversie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Standaardversie' AS label, aantal
UNION ALL
MATCH (n:Toegangsverzoek) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Toegangsverzoek' AS label, aantal
UNION ALL
MATCH (n:Uitnodiging) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Uitnodiging' AS label, aantal
UNION ALL
MATCH (n:Versie) WITH count(n) AS aantal WHERE aantal > 0 RETURN 'Versie' AS label, aantal
UNION ALL
MATCH (n:Wijziging) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Wijziging' AS label, aantal
UNION ALL
MATCH (n:Zoekvraag) WITH count(n) AS aantal WHERE aantal > 0 AND $zicht.beheer RETURN 'Zoekvraag' AS label, aantal
