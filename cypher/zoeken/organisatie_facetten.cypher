// Size-class counts of the gemeenten among the full-text matches ($ids) (KLEIN under 20,000
// inhabitants, MIDDEL to 50,000, GROOT to 100,000, ZEER_GROOT above).
// params: {"ids": ["GM0363", "GM0014"], "grenzen": [20000, 50000, 100000]}
MATCH (o:Gemeente)
WHERE o.id IN $ids
WITH CASE WHEN o.inwoners < $grenzen[0] THEN 'KLEIN' WHEN o.inwoners < $grenzen[1] THEN 'MIDDEL'
          WHEN o.inwoners < $grenzen[2] THEN 'GROOT' ELSE 'ZEER_GROOT' END AS klasse, count(o) AS aantal
RETURN 'GROOTTEKLASSE' AS facet, klasse AS waarde, klasse AS label, aantal
ORDER BY aantal DESC, waarde
