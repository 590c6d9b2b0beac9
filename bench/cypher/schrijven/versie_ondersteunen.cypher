// The least that recording a standard version a version supports writes (voegOndersteuningToe):
// the ONDERSTEUNT with its evidence, the version's versie (`wijzigingsversie`) one up, only at
// the versie the client expects, and the change record. It leaves out who may write and whether
// the support is recorded already (the client knows it is not).
// params: {"versie": "onbekend", "verwachteVersie": 1, "standaardversie": "onbekend", "bewijs": null, "eigenschappen": {}, "wijziging": {"id": "wij-onbekend"}}
MATCH (v:Versie {id: $versie})
WHERE coalesce(v.wijzigingsversie, 1) = $verwachteVersie
MATCH (s:Standaardversie {id: $standaardversie})
CREATE (v)-[o:ONDERSTEUNT]->(s)
SET o.bewijs = $bewijs
SET v += $eigenschappen
SET v.wijzigingsversie = $verwachteVersie + 1
CREATE (w:Wijziging)
SET w = $wijziging
RETURN v.wijzigingsversie AS versie
