// How many applications realise each component and pass the filter of gemma/applicaties.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"], "status": null}
UNWIND $ids AS sleutel
MATCH (c:Referentiecomponent {id: sleutel})<-[:REALISEERT]-(a:Applicatie)
WITH sleutel, a
WHERE ($status IS NULL OR a.status = $status)
RETURN sleutel, count(a) AS aantal
