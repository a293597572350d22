// title: Shared mandates between bodies
// answers: Which pairs of bodies hold mandates on the same tasks and initiatives on $as_of, ranked by how many they share and by the Jaccard index of their mandates?
// params: $as_of (ISO date; nodes and relations valid on that day count)
// jaccard = shared / (mandates_a + mandates_b - shared), over distinct tasks and initiatives.
// Each body's subjects are collected once (its mandates), then each subject's holders are paired.
MATCH (b)-[m:MANDATE]->(t)
WHERE t.label IN ['Task', 'Initiative']
  AND (t.valid_from IS NULL OR t.valid_from <= date($as_of)) AND (t.valid_to IS NULL OR t.valid_to >= date($as_of))
  AND (m.valid_from IS NULL OR m.valid_from <= date($as_of)) AND (m.valid_to IS NULL OR m.valid_to >= date($as_of))
  AND (b.valid_from IS NULL OR b.valid_from <= date($as_of)) AND (b.valid_to IS NULL OR b.valid_to >= date($as_of))
WITH b, collect(DISTINCT t.id) AS subjects
WITH {id: b.id, label: b.label, name: b.name, mandates: size(subjects)} AS holder, subjects
UNWIND subjects AS subject
WITH subject, collect(holder) AS holders
UNWIND holders AS h1
UNWIND holders AS h2
WITH h1, h2, subject
WHERE h1.id < h2.id
WITH h1, h2, count(*) AS shared
RETURN h1.label AS label_a, h1.name AS body_a, h2.label AS label_b, h2.name AS body_b, shared,
       h1.mandates AS mandates_a, h2.mandates AS mandates_b,
       round(1.0 * shared / (h1.mandates + h2.mandates - shared), 3) AS jaccard
ORDER BY shared DESC, jaccard DESC, body_a, body_b
