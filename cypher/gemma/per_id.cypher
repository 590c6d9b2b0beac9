// GEMMA elements by their GEMMA identifier, each with the label that says what kind it is.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {id: sleutel})
RETURN sleutel, e {.*, label: [l IN labels(e) WHERE l <> 'GemmaElement'][0]} AS item
