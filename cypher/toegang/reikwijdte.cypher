// How far an identity's roles reach beyond its own organisations: the member gemeenten of the
// samenwerkingen among $landschappen (a samenwerking keeps its members' landscapes), and the
// applications the leveranciers among $leveranciers offer (an aanbod-beheerder sees who
// uses them).
// params: {"landschappen": ["GM0363"], "leveranciers": ["lev-0001"]}
OPTIONAL MATCH (s:Samenwerking)<-[:DEELNEMER_VAN]-(lid:Gemeente)
WHERE s.id IN $landschappen
WITH collect(DISTINCT lid.id) AS leden
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
WHERE l.id IN $leveranciers
RETURN leden, collect(DISTINCT a.id) AS producten
