// The least a change of an organisation's profile fields writes (wijzigOrganisatieprofiel
// without certifications or contact persons): the properties, versie one up, only at the
// versie the client expects, and the change record. It leaves out who may write.
// params: {"organisatie": "onbekend", "verwachteVersie": 1, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (o:Organisatie {id: $organisatie})
WHERE coalesce(o.versie, 1) = $verwachteVersie
SET o += $eigenschappen
SET o.versie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN o.versie AS versie
