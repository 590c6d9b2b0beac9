// The reference components given (catalogue only).
// params: {"referentiecomponenten": ["id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"]}
MATCH (c:Referentiecomponent)
WHERE c.id IN $referentiecomponenten
RETURN c {.*, label: 'Referentiecomponent'} AS referentiecomponent
