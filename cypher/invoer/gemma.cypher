// The GEMMA elements an import names by Object ID (gemmaId) or identifier: the
// referentiecomponenten, the national facilities and the standard versions.
// params: {}
OPTIONAL MATCH (r:Referentiecomponent)
WITH collect({id: r.id, gemmaId: r.gemmaId}) AS componenten
OPTIONAL MATCH (b:BuitengemeentelijkeVoorziening)
WITH componenten, collect({id: b.id, gemmaId: b.gemmaId}) AS voorzieningen
OPTIONAL MATCH (s:Standaardversie)
RETURN componenten, voorzieningen, collect({id: s.id, gemmaId: s.gemmaId}) AS standaardversies
