// The standards GEMMA names for components, facilities and services, with their role.
// params: {"ids": ["id-058a6e89-c36e-46ce-819b-7d8637fd3980"]}
UNWIND $ids AS sleutel
MATCH (e:GemmaElement {id: sleutel})-[v:VEREIST]->(s:Standaard)
RETURN sleutel, {rol: v.rol, standaard: s {.*, label: 'Standaard'}} AS item
ORDER BY sleutel, coalesce(v.rol, 'ZZZ'), s.naam
