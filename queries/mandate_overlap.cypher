// title: Mandate overlap
// answers: Which tasks and initiatives have more than one body holding a mandate on them on $as_of, and which bodies hold them in which role?
// params: $as_of (ISO date; nodes and relations valid on that day count)
// One row per holder and role; holders counts the distinct bodies on the subject. The mandates are read once and
// collected per subject as maps of plain values.
MATCH (b)-[m:MANDATE]->(t)
WHERE t.label IN ['Task', 'Initiative']
  AND (t.valid_from IS NULL OR t.valid_from <= date($as_of)) AND (t.valid_to IS NULL OR t.valid_to >= date($as_of))
  AND (m.valid_from IS NULL OR m.valid_from <= date($as_of)) AND (m.valid_to IS NULL OR m.valid_to >= date($as_of))
  AND (b.valid_from IS NULL OR b.valid_from <= date($as_of)) AND (b.valid_to IS NULL OR b.valid_to >= date($as_of))
WITH t, count(DISTINCT b.id) AS holders, collect({label: b.label, name: b.name, role: m.role}) AS held
WHERE holders > 1
UNWIND held AS h
RETURN t.label AS subject_label, t.name AS subject, holders, h.label AS body_label, h.name AS body, h.role AS role
ORDER BY holders DESC, subject, subject_label, body, role
