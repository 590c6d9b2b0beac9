// A gemeente's whole landscape: each Gebruik with its application, leverancier, components
// and outgoing koppelingen with their far end.
MATCH (o:Organisatie {id: $id})-[:GEBRUIKT]->(g:Gebruik)-[:VAN]->(a:Applicatie)<-[:BIEDT_AAN]-(l:Leverancier)
RETURN g {.*,
  applicatie: a.naam,
  leverancier: l.naam,
  referentiecomponenten: [(g)-[:VOOR]->(c:Referentiecomponent) | c.naam],
  koppelingen: [(g)<-[:VAN]-(k:Koppeling)-[:NAAR]->(n) | {type: k.type, richting: k.richting, naar: coalesce(n.naam, n.id)}]
} AS gebruik
ORDER BY toLower(a.naam), g.id
