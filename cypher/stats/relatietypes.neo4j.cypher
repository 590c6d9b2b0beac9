// Number of relationships per type, types in use only.
// zicht: run by the seeder and the command line only, never in a request.
// One count per type of the model, answered from Neo4j's count store; tests/model
// checks that every type is listed.
MATCH ()-[r:AAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'AAN' AS type, aantal
UNION ALL
MATCH ()-[r:AGGREGEERT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'AGGREGEERT' AS type, aantal
UNION ALL
MATCH ()-[r:BEDIENT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'BEDIENT' AS type, aantal
UNION ALL
MATCH ()-[r:BETREFT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'BETREFT' AS type, aantal
UNION ALL
MATCH ()-[r:BIEDT_AAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'BIEDT_AAN' AS type, aantal
UNION ALL
MATCH ()-[r:BIJ]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'BIJ' AS type, aantal
UNION ALL
MATCH ()-[r:DEELNEMER_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'DEELNEMER_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:DOOR]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'DOOR' AS type, aantal
UNION ALL
MATCH ()-[r:GEBRUIKT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'GEBRUIKT' AS type, aantal
UNION ALL
MATCH ()-[r:GEDELEGEERD_AAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'GEDELEGEERD_AAN' AS type, aantal
UNION ALL
MATCH ()-[r:GETOOND_DOOR]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'GETOOND_DOOR' AS type, aantal
UNION ALL
MATCH ()-[r:GRENST_AAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'GRENST_AAN' AS type, aantal
UNION ALL
MATCH ()-[r:HEEFT_CERTIFICERING]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'HEEFT_CERTIFICERING' AS type, aantal
UNION ALL
MATCH ()-[r:HEEFT_CONTACTPERSOON]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'HEEFT_CONTACTPERSOON' AS type, aantal
UNION ALL
MATCH ()-[r:HEEFT_VERSIE]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'HEEFT_VERSIE' AS type, aantal
UNION ALL
MATCH ()-[r:INTERESSE_IN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'INTERESSE_IN' AS type, aantal
UNION ALL
MATCH ()-[r:KOPPELT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'KOPPELT' AS type, aantal
UNION ALL
MATCH ()-[r:LEVERT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'LEVERT' AS type, aantal
UNION ALL
MATCH ()-[r:LID_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'LID_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:NAAR]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'NAAR' AS type, aantal
UNION ALL
MATCH ()-[r:NEEMT_AF]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'NEEMT_AF' AS type, aantal
UNION ALL
MATCH ()-[r:OPGEGAAN_IN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'OPGEGAAN_IN' AS type, aantal
UNION ALL
MATCH ()-[r:ONDERDEEL_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'ONDERDEEL_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:ONDERSTEUNT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'ONDERSTEUNT' AS type, aantal
UNION ALL
MATCH ()-[r:OVER]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'OVER' AS type, aantal
UNION ALL
MATCH ()-[r:REALISEERT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'REALISEERT' AS type, aantal
UNION ALL
MATCH ()-[r:REGISTREERT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'REGISTREERT' AS type, aantal
UNION ALL
MATCH ()-[r:SCHREEF]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'SCHREEF' AS type, aantal
UNION ALL
MATCH ()-[r:SPECIALISATIE_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'SPECIALISATIE_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:STROOMT_NAAR]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'STROOMT_NAAR' AS type, aantal
UNION ALL
MATCH ()-[r:UITNODIGING_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'UITNODIGING_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:TOONT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'TOONT' AS type, aantal
UNION ALL
MATCH ()-[r:VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VAN' AS type, aantal
UNION ALL
MATCH ()-[r:VEREIST]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VEREIST' AS type, aantal
UNION ALL
MATCH ()-[r:VERLEENT]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VERLEENT' AS type, aantal
UNION ALL
MATCH ()-[r:VERSIE]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VERSIE' AS type, aantal
UNION ALL
MATCH ()-[r:VERSIE_VAN]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VERSIE_VAN' AS type, aantal
UNION ALL
MATCH ()-[r:VIA]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VIA' AS type, aantal
UNION ALL
MATCH ()-[r:VOLGENS]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VOLGENS' AS type, aantal
UNION ALL
MATCH ()-[r:VOOR]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'VOOR' AS type, aantal
UNION ALL
MATCH ()-[r:WERD]->() WITH count(r) AS aantal WHERE aantal > 0 RETURN 'WERD' AS type, aantal
