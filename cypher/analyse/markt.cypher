// The Marktcel changed since version $sinds of the cells (graph_api/domain/analyse/bijdragen.py):
// per cell its component, applicatie, leverancier and gemeenten ('' for "any": ['', l] a
// leverancier's gemeenten, ['', ''] the component's); a cell at 0 counts nothing. $sinds -1:
// every cell. graph_api/domain/analyse/markt.py keeps them per process and version.
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht),
// and for the beheerders of $leverancier (not null), whose own view shows only its own share of
// each market; nothing for others.
// params: {"sinds": -1, "leverancier": null}
MATCH (m:Marktcel)
WHERE coalesce(m.versie, 0) > $sinds
  AND ($zicht.aggregaten OR $zicht.alleGebruik
       OR coalesce($leverancier IN $zicht.aanbod OR $leverancier IN $zicht.organisaties, false))
RETURN m.referentiecomponent AS referentiecomponent, m.applicatie AS applicatie, m.leverancier AS leverancier,
       m.gemeenten AS gemeenten
