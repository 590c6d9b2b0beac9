// The gemeenten with their inhabitants.
// params: {}
MATCH (g:Gemeente)
RETURN g.id AS id, g.inwoners AS inwoners
ORDER BY id
