MATCH (d:Dataset) RETURN d.seed AS seed, d.scale AS scale, d.geladen AS geladen
