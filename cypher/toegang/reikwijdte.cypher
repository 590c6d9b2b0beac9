// How far an identity's roles reach beyond its own organisations: the member gemeenten of the
// samenwerkingen among $landschappen (a samenwerking keeps its members' landscapes), the
// applications the leveranciers among $leveranciers offer (an aanbod-beheerder sees who uses
// them), and the delegations active today that its organisations received (docs/access.md,
// "Delegation"): of a gebruik role to one among $landschappen (where the asker holds a gebruik
// role), of aanbod-beheer to one among $leveranciers; the delegated leveranciers' applications
// count as its own. Today ($vandaag, in Europe/Amsterdam) is compared here, on every request,
// so that no Zicht outlives a delegation's last day or its withdrawal.
// params: {"landschappen": ["GM0363"], "leveranciers": ["lev-0001"], "vandaag": "2026-06-30"}
OPTIONAL MATCH (aan:Organisatie)<-[:GEDELEGEERD_AAN]-(d:Delegatie)<-[:VERLEENT]-(van:Organisatie)
WHERE d.ingetrokkenOp IS NULL AND d.startDatum <= $vandaag AND $vandaag <= d.eindDatum
  AND ((d.rol = 'AANBOD_BEHEERDER' AND aan.id IN $leveranciers AND van:Leverancier)
    OR (d.rol IN ['GEBRUIK_BEHEERDER', 'GEBRUIK_RAADPLEGER'] AND aan.id IN $landschappen))
WITH collect(CASE WHEN d IS NULL THEN null
                  ELSE {id: d.id, van: van.id, aan: aan.id, rol: d.rol} END) AS delegaties
OPTIONAL MATCH (s:Samenwerking)<-[:DEELNEMER_VAN]-(lid:Gemeente)
WHERE s.id IN $landschappen
WITH delegaties, collect(DISTINCT lid.id) AS leden
WITH delegaties, leden,
     $leveranciers + [x IN delegaties WHERE x.rol = 'AANBOD_BEHEERDER' | x.van] AS leveranciers
OPTIONAL MATCH (l:Leverancier)-[:BIEDT_AAN]->(a:Applicatie)
WHERE l.id IN leveranciers
RETURN leden, collect(DISTINCT a.id) AS producten, delegaties
