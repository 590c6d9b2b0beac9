// The components, facilities and services for which GEMMA names each standard.
// params: {"ids": ["id-00e5e5a29a48461d9218b1113d7186c5"]}
UNWIND $ids AS sleutel
MATCH (s:Standaard {id: sleutel})<-[v:VEREIST]-(e:GemmaElement)
RETURN sleutel, e {.*, label: [l IN labels(e) WHERE l <> 'GemmaElement'][0]} AS item
ORDER BY sleutel, e.naam, e.id
