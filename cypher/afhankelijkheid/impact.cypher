// What happens when an organisation stops using an application, or replaces it ($vervanger,
// an application id, or null): its koppelingen (each breaks, or must be rebuilt; with the way its
// data flows, so that what loses a source or a destination can be told), the standard
// versions they use that the replacement supports in none of its versions, the reference
// components the organisation would have no application for any more, and the diensten taken
// with it that lapse (those not also offered on the replacement, a retired dienst there
// carrying nothing: it takes no Gebruik anew), and the organisation's
// Gebruik of the replacement it already has.
// The Gebruik must be visible to the asker ($zicht); its koppelingen and diensten count only
// for those who may see the whole landscape, the other Gebruik only for those who may see them.
// params: {"gebruik": "geb-GM0363-0001", "vervanger": "app-00001"}
MATCH (o:Organisatie)-[:GEBRUIKT]->(g:Gebruik {id: $gebruik})-[:VAN]->(x:Applicatie)
WITH o, g, x
WHERE $zicht.alleGebruik OR o.id IN $zicht.landschappen OR x.id IN $zicht.producten
OPTIONAL MATCH (y:Applicatie {id: $vervanger})
WITH o, g, x, y, $zicht.alleLandschappen OR o.id IN $zicht.landschappen AS heel,
     $zicht.alleGebruik OR o.id IN $zicht.landschappen AS rest,
     [(y)-[:HEEFT_VERSIE]->()-[:ONDERSTEUNT]->(s) | s.id] AS ondersteund,
     [(y)-[:REALISEERT]->(c) | c.id] AS gerealiseerd,
     [(y)<-[:BIJ]-(d) WHERE coalesce(d.status, 'AANGEBODEN') <> 'INGETROKKEN' | d.id] AS aangeboden
WITH o, g, x, y, ondersteund, gerealiseerd, aangeboden, heel, rest,
     [(g)<-[:VAN]-(k)-[:NAAR]->(m) WHERE heel | {koppeling: k.id, kant: 'VAN', richting: k.richting, anderEind: m.id, anderSoort: CASE WHEN 'Gebruik' IN labels(m) THEN 'Gebruik' ELSE 'BuitengemeentelijkeVoorziening' END}] +
     [(g)<-[:NAAR]-(k2)-[:VAN]->(m2) WHERE heel | {koppeling: k2.id, kant: 'NAAR', richting: k2.richting, anderEind: m2.id, anderSoort: 'Gebruik'}] AS koppelingen,
     [(g)<-[:VAN]-(k3)-[:VOLGENS]->(s3) WHERE heel | {koppeling: k3.id, standaardversie: s3.id}] +
     [(g)<-[:NAAR]-(k4)-[:VOLGENS]->(s4) WHERE heel | {koppeling: k4.id, standaardversie: s4.id}] AS gebruikt,
     [(g)-[:VOOR]->(c) WHERE rest | c] AS componenten,
     [(g)-[:NEEMT_AF]->(d) WHERE heel | d.id] AS diensten,
     [(o)-[:GEBRUIKT]->(h)-[:VAN]->(y) WHERE rest AND h <> g | h.id] AS bestaand
UNWIND (CASE WHEN size(componenten) = 0 THEN [null] ELSE componenten END) AS c
OPTIONAL MATCH (o)-[:GEBRUIKT]->(h:Gebruik)-[:VOOR]->(c)
WHERE h <> g AND h.status <> 'UITGEFASEERD'
WITH g, x, y, ondersteund, gerealiseerd, aangeboden, koppelingen, gebruikt, diensten, bestaand, c, count(h) AS anderen
WITH g, x, y, ondersteund, gerealiseerd, aangeboden, koppelingen, gebruikt, diensten, bestaand,
     collect(CASE WHEN c IS NOT NULL AND anderen = 0 AND NOT c.id IN gerealiseerd THEN c.id END) AS onbediend
RETURN g.id AS gebruik, x.id AS applicatie, y.id AS vervanger, koppelingen,
       [u IN gebruikt WHERE y IS NOT NULL AND NOT u.standaardversie IN ondersteund] AS ontbrekend,
       onbediend,
       [d IN diensten WHERE NOT d IN aangeboden] AS vervallend, bestaand
