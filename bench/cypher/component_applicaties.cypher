// A reference component's applications with how many organisations use each.
MATCH (c:Referentiecomponent {id: $id})<-[:REALISEERT]-(a:Applicatie)
RETURN a.naam AS naam, size([(a)<-[:VAN]-(g:Gebruik) | g]) AS gebruik
ORDER BY gebruik DESC, a.id
