// title: Shared mandates between bodies
// answers: Which pairs of bodies hold mandates on the same tasks and initiatives on $as_of, ranked by how many they share and by the Jaccard index of their mandates?
// params: $as_of (ISO date; nodes and relations valid on that day count)
// jaccard = shared / (mandates_a + mandates_b - shared), over distinct tasks and initiatives.
MATCH (a)-[ma:MANDATE]->(t)<-[mb:MANDATE]-(b)
WHERE a.id < b.id AND t.label IN ['Task', 'Initiative']
  AND (t.valid_from IS NULL OR t.valid_from <= date($as_of)) AND (t.valid_to IS NULL OR t.valid_to >= date($as_of))
  AND (ma.valid_from IS NULL OR ma.valid_from <= date($as_of)) AND (ma.valid_to IS NULL OR ma.valid_to >= date($as_of))
  AND (mb.valid_from IS NULL OR mb.valid_from <= date($as_of)) AND (mb.valid_to IS NULL OR mb.valid_to >= date($as_of))
  AND (a.valid_from IS NULL OR a.valid_from <= date($as_of)) AND (a.valid_to IS NULL OR a.valid_to >= date($as_of))
  AND (b.valid_from IS NULL OR b.valid_from <= date($as_of)) AND (b.valid_to IS NULL OR b.valid_to >= date($as_of))
WITH a, b, count(DISTINCT t.id) AS shared
MATCH (a)-[m:MANDATE]->(t)
WHERE t.label IN ['Task', 'Initiative']
  AND (t.valid_from IS NULL OR t.valid_from <= date($as_of)) AND (t.valid_to IS NULL OR t.valid_to >= date($as_of))
  AND (m.valid_from IS NULL OR m.valid_from <= date($as_of)) AND (m.valid_to IS NULL OR m.valid_to >= date($as_of))
WITH a, b, shared, count(DISTINCT t.id) AS mandates_a
MATCH (b)-[m:MANDATE]->(t)
WHERE t.label IN ['Task', 'Initiative']
  AND (t.valid_from IS NULL OR t.valid_from <= date($as_of)) AND (t.valid_to IS NULL OR t.valid_to >= date($as_of))
  AND (m.valid_from IS NULL OR m.valid_from <= date($as_of)) AND (m.valid_to IS NULL OR m.valid_to >= date($as_of))
WITH a, b, shared, mandates_a, count(DISTINCT t.id) AS mandates_b
RETURN a.label AS label_a, a.name AS body_a, b.label AS label_b, b.name AS body_b, shared, mandates_a, mandates_b,
       round(1.0 * shared / (mandates_a + mandates_b - shared), 3) AS jaccard
ORDER BY shared DESC, jaccard DESC, body_a, body_b
