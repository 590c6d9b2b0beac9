// The national facilities and standard versions a sync's koppelingen name by GEMMA Object ID
// (`gemmaId`), with their graph ids (graph_api/domain/landschap/synchronisatie.py).
// zicht: the GEMMA model, public.
// params: {"ids": ["onbekend"]}
MATCH (x:GemmaElement)
WHERE x.gemmaId IN $ids AND (x:BuitengemeentelijkeVoorziening OR x:Standaardversie)
RETURN x.gemmaId AS gemmaId, x.id AS id,
       CASE WHEN x:Standaardversie THEN 'Standaardversie' ELSE 'BuitengemeentelijkeVoorziening' END AS soort
ORDER BY gemmaId
