// The ends of koppelingen as they are now: of those a difference shows changed, whose records in
// the window name no end (a koppeling's ends never change).
// zicht: the koppelingen are those of records verloop/wijzigingen found, which applies it; a
// koppeling's ends lie in its landscape.
// params: {"ids": ["kop-GM0363-0001"]}
UNWIND $ids AS sleutel
MATCH (u:Gebruik)<-[:VAN]-(k:Koppeling {id: sleutel})-[:NAAR]->(n)
RETURN sleutel AS id, u.id AS van, n.id AS naar
