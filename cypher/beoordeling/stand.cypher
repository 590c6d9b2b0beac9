// A review as moderating or answering it finds it: its status, versie and whether it was
// answered, its organisation, its object and the leverancier of that object (BIEDT_AAN for an
// application, LEVERT for a dienst). Read before those writes to name what is wrong; the
// operation refuses whoever may not moderate or answer it before using what this returns.
// params: {"id": "bdl-onbekend"}
MATCH (o:Organisatie)-[:SCHREEF]->(b:Beoordeling {id: $id})-[:OVER]->(x)
RETURN b {.id, .status, .versie, .antwoord} AS beoordeling, o.id AS organisatie, x.id AS object,
       head([(x)<-[:BIEDT_AAN|LEVERT]-(l) | l.id]) AS leverancier
