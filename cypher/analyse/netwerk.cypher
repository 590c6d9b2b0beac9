// The catalogue-level dependency graph of afhankelijkheid/netwerk over every landscape, read
// from the cells kept by graph_api/domain/analyse/bijdragen.py: pairs found in at least
// $minimaleGroep gemeenten; $referentiecomponent (or null) keeps pairs with an end realising it.
// An aggregate over every landscape: for those who may see aggregates or every landscape
// ($zicht); the others read afhankelijkheid/netwerk over their own.
// params: {"referentiecomponent": null, "minimaleGroep": 5, "limit": 10}
OPTIONAL MATCH (:Referentiecomponent {id: $referentiecomponent})<-[:REALISEERT]-(r:Applicatie)
WITH collect(r.id) AS realiserend
MATCH (n:Netwerkcel)
WHERE n.gemeenten >= $minimaleGroep
  AND ($zicht.aggregaten OR $zicht.alleLandschappen)
  AND ($referentiecomponent IS NULL OR n.van IN realiserend OR n.naar IN realiserend)
WITH n
ORDER BY n.gemeenten DESC, n.van, n.naar
LIMIT $limit
MATCH (a:Applicatie {id: n.van})
OPTIONAL MATCH (d:Applicatie {id: n.naar})
OPTIONAL MATCH (v:BuitengemeentelijkeVoorziening {id: n.naar})
RETURN a.id AS van, a.naam AS vanNaam, n.naar AS naar, coalesce(d.naam, v.naam) AS naarNaam,
       n.naarSoort AS naarSoort, n.gemeenten AS gemeenten
ORDER BY gemeenten DESC, van, naar
