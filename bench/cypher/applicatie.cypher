// One application by id, all its properties.
MATCH (a:Applicatie {id: $id})
RETURN a {.*} AS applicatie
