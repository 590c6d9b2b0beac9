// How many Gebruik of each application pass the filter of applicatie/gebruik.
// params: {"ids": ["app-00001"], "status": null}
UNWIND $ids AS sleutel
MATCH (a:Applicatie {id: sleutel})<-[:VAN]-(g:Gebruik)
WITH sleutel, g
WHERE ($status IS NULL OR g.status = $status)
RETURN sleutel, count(g) AS aantal
