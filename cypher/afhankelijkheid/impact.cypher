// What happens when an organisation stops using an application, or replaces it ($vervanger,
// an application id, or null): its koppelingen (each breaks, or must be rebuilt), the standard
// versions they use that the replacement supports in none of its versions, the reference
// components the organisation would have no application for any more, and the diensten taken
// with it that lapse (those not also offered on the replacement).
// params: {"gebruik": "geb-GM0363-0001", "vervanger": "app-00001"}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})-[:VAN]->(x:Applicatie)
OPTIONAL MATCH (y:Applicatie {id: $vervanger})
WITH o, g, x, y,
     [(y)-[:HEEFT_VERSIE]->()-[:ONDERSTEUNT]->(s) | s.id] AS ondersteund,
     [(y)-[:REALISEERT]->(c) | c.id] AS gerealiseerd,
     [(y)<-[:BIJ]-(d) | d.id] AS aangeboden
WITH o, g, x, y, ondersteund, gerealiseerd, aangeboden,
     [(g)<-[:VAN]-(k)-[:NAAR]->(m) | {koppeling: k.id, kant: 'VAN', anderEind: m.id, anderSoort: CASE WHEN 'Gebruik' IN labels(m) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END}] +
     [(g)<-[:NAAR]-(k2)-[:VAN]->(m2) | {koppeling: k2.id, kant: 'NAAR', anderEind: m2.id, anderSoort: 'Gebruik'}] AS koppelingen,
     [(g)<-[:VAN]-(k3)-[:VOLGENS]->(s3) | {koppeling: k3.id, standaardversie: s3.id}] +
     [(g)<-[:NAAR]-(k4)-[:VOLGENS]->(s4) | {koppeling: k4.id, standaardversie: s4.id}] AS gebruikt,
     [(g)-[:VOOR]->(c) | c] AS componenten,
     [(g)-[:NEEMT_AF]->(d) | d.id] AS diensten
UNWIND (CASE WHEN size(componenten) = 0 THEN [null] ELSE componenten END) AS c
OPTIONAL MATCH (o)-[:GEBRUIKT]->(h:Gebruik)-[:VOOR]->(c)
WHERE h <> g AND h.status <> 'UITGEFASEERD'
WITH g, x, y, ondersteund, gerealiseerd, aangeboden, koppelingen, gebruikt, diensten, c, count(h) AS anderen
WITH g, x, y, ondersteund, gerealiseerd, aangeboden, koppelingen, gebruikt, diensten,
     collect(CASE WHEN c IS NOT NULL AND anderen = 0 AND NOT c.id IN gerealiseerd THEN c.id END) AS onbediend
RETURN g.id AS gebruik, x.id AS applicatie, y.id AS vervanger, koppelingen,
       [u IN gebruikt WHERE y IS NOT NULL AND NOT u.standaardversie IN ondersteund] AS ontbrekend,
       onbediend,
       [d IN diensten WHERE NOT d IN aangeboden] AS vervallend
