// GEMMA's own identifier (the node's id) of each GEMMA element an AMEFF export names by its
// Object ID, so the file's referentiecomponenten, facilities and standards line up with
// GEMMA's model in Archi. GEMMA is public: no $zicht.
// params: {"ids": ["058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {gemmaId: sleutel})
RETURN sleutel, e.id AS id
