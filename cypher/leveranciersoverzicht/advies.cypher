// What the advice on being found reads of each of a leverancier's applications (by name; a
// concept only where it may be seen), for its own beheerders and functioneel beheer: its
// properties, how many referentiecomponenten it realises, its versions in use, the standard
// versions its versions claim without evidence (ONDERSTEUNT without a bewijs), and how many
// items its etalage shows.
// params: {"leverancier": "lev-0001"}
MATCH (l:Leverancier {id: $leverancier})-[:BIEDT_AAN]->(a:Applicatie)
WHERE ($zicht.beheer OR l.id IN $zicht.aanbod OR l.id IN $zicht.organisaties)
  AND (a.gemeldDoor IS NULL OR $zicht.beheer OR a.gemeldDoor IN $zicht.concepten)
RETURN a {.*} AS applicatie,
       size([(a)-[:REALISEERT]->(r) | r.id]) AS referentiecomponenten,
       [(a)-[:HEEFT_VERSIE]->(v) WHERE v.status = 'IN_GEBRUIK' | v.id] AS inGebruik,
       [(a)-[:HEEFT_VERSIE]->(w)-[o:ONDERSTEUNT]->(s)
        WHERE o.bewijs IS NULL OR trim(o.bewijs) = ''
        | {versie: w {.*}, standaardversie: s {.*, label: 'Standaardversie'}}] AS zonderBewijs,
       size([(a)<-[:TOONT]-(e:EtalageItem) | e.id]) AS etalage
ORDER BY toLower(a.naam), a.id
