// The gemeenten per province and size class ($grenzen: KLEIN under 20,000 inhabitants, MIDDEL to 50,000,
// GROOT to 100,000, ZEER_GROOT above): every split of a benchmark (by province, by size class,
// or none) groups these. Public figures: no landscape is read.
// params: {"grenzen": [20000, 50000, 100000]}
MATCH (g:Gemeente)
WITH g.provincie AS provincie,
     CASE WHEN g.inwoners < $grenzen[0] THEN 'KLEIN' WHEN g.inwoners < $grenzen[1] THEN 'MIDDEL' WHEN g.inwoners < $grenzen[2] THEN 'GROOT' ELSE 'ZEER_GROOT' END AS grootteklasse,
     count(g) AS gemeenten
RETURN provincie, grootteklasse, gemeenten
ORDER BY provincie, grootteklasse
