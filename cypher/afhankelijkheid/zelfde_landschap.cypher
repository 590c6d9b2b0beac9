// The organisations whose landscapes two Gebruik belong to.
// params: {"van": "geb-GM0363-0001", "naar": "geb-GM0363-0002"}
MATCH (a:Gebruik {id: $van})<-[:GEBRUIKT]-(oa:Organisatie)
MATCH (b:Gebruik {id: $naar})<-[:GEBRUIKT]-(ob:Organisatie)
RETURN oa.id AS van, ob.id AS naar
