// title: Timeline of establishments and dissolutions
// answers: What was set up and what was closed down, when did it take effect, and which decision and deciding body did it?
// params: none
// effective is the date the relation states, else the decision's date; a body that set something up itself is its own decider.
MATCH (s)-[r:ESTABLISHED|DISSOLVED]->(x)
OPTIONAL MATCH (s)-[:DECIDED_BY]->(decider)
RETURN coalesce(r.date, s.date) AS effective, r.type AS event, x.label AS subject_label, x.name AS subject,
       CASE WHEN s.label = 'Decision' THEN s.name END AS decision, s.date AS decided_on,
       CASE WHEN s.label = 'Decision' THEN decider.name ELSE s.name END AS decided_by
ORDER BY effective, event, subject, decision, decided_by
