// The national market of each reference component in $referentiecomponenten (null: every
// component with Gebruik), as benchmark/marktconcentratie counts it, read from the cells kept by
// graph_api/domain/analyse/bijdragen.py: per component its cells [applicatie, leverancier,
// gemeenten] ('' for "any": ['', l, n] a leverancier's gemeenten, ['', '', n] the component's).
// An aggregate over every landscape, for those who may see aggregates or all Gebruik ($zicht);
// nothing for others.
// params: {"referentiecomponenten": null}
MATCH (m:Marktcel)
WHERE ($referentiecomponenten IS NULL OR m.referentiecomponent IN $referentiecomponenten)
  AND m.gemeenten > 0
  AND ($zicht.aggregaten OR $zicht.alleGebruik)
WITH m.referentiecomponent AS id, collect([m.applicatie, m.leverancier, m.gemeenten]) AS cellen
MATCH (c:Referentiecomponent {id: id})
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent, cellen
