// Every Gebruik of every gemeente per reference component it serves, with its status and the
// leverancier of its application: the raw rows the realism tests compute from.
// params: {}
MATCH (g:Gemeente)-[:GEBRUIKT]->(u:Gebruik)-[:VOOR]->(c:Referentiecomponent)
MATCH (u)-[:VAN]->(:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
RETURN g.id AS gemeente, u.id AS gebruik, u.status AS status, c.naam AS component, l.id AS leverancier
ORDER BY gemeente, gebruik, component
