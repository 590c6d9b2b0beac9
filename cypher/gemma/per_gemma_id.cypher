// GEMMA elements by their GEMMA Online object id.
// params: {"ids": ["058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {gemmaId: sleutel})
RETURN sleutel, e {.*, label: [l IN labels(e) WHERE l <> 'GemmaElement'][0]} AS item
