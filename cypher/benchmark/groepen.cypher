// The gemeenten per province and size class (KLEIN under 20,000 inhabitants, MIDDEL to 50,000,
// GROOT to 100,000, ZEER_GROOT above): every split of a benchmark (by province, by size class,
// or none) groups these. Public figures: no landscape is read.
// params: {}
MATCH (g:Gemeente)
WITH g.provincie AS provincie,
     CASE WHEN g.inwoners < 20000 THEN 'KLEIN' WHEN g.inwoners < 50000 THEN 'MIDDEL' WHEN g.inwoners < 100000 THEN 'GROOT' ELSE 'ZEER_GROOT' END AS grootteklasse,
     count(g) AS gemeenten
RETURN provincie, grootteklasse, gemeenten
ORDER BY provincie, grootteklasse
