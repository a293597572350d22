// title: Orphaned mandates
// answers: Which mandates belonged to bodies dissolved before $as_of that have no REPLACED_BY successor, and how many bodies hold a mandate on the same subject on $as_of?
// params: $as_of (ISO date)
// A body is dissolved on its valid_to or on the date of a DISSOLVED relation into it, whichever is earlier.
MATCH (b)-[m:MANDATE]->(t)
WHERE (b.valid_to < date($as_of) OR EXISTS { MATCH ()-[d:DISSOLVED]->(b) WHERE d.date < date($as_of) })
  AND NOT EXISTS { MATCH (b)-[:REPLACED_BY]->() }
OPTIONAL MATCH ()-[d:DISSOLVED]->(b)
WITH b, t, m.role AS role, min(d.date) AS dissolved_on
OPTIONAL MATCH (h)-[hm:MANDATE]->(t)
WHERE h.id <> b.id
  AND (hm.valid_from IS NULL OR hm.valid_from <= date($as_of)) AND (hm.valid_to IS NULL OR hm.valid_to >= date($as_of))
  AND (h.valid_from IS NULL OR h.valid_from <= date($as_of)) AND (h.valid_to IS NULL OR h.valid_to >= date($as_of))
WITH b, t, role, dissolved_on, count(DISTINCT h.id) AS current_holders
RETURN b.label AS body_label, b.name AS body,
       CASE WHEN dissolved_on IS NULL OR b.valid_to < dissolved_on THEN b.valid_to ELSE dissolved_on END AS dissolved,
       role, t.label AS subject_label, t.name AS subject, current_holders
ORDER BY dissolved, body, subject, role
