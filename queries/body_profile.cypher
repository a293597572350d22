// title: Body profile
// answers: What is one body (or initiative, or task) connected to: its parent, mandates, members, interfaces and decisions, each with the evidence it was read from?
// params: $name (the name or one of the aliases)
// section names the relation from the profiled node's side; evidence is the JSON list of quotes, sources the public sources of registry facts.
MATCH (b)
WHERE NOT b.label IN ['Decision', 'Document', 'Person'] AND (b.name = $name OR $name IN b.aliases)
MATCH (b)-[r]-(o)
OPTIONAL MATCH (b)-[out]->(o) WHERE out.id = r.id
WITH b, r, o, out IS NOT NULL AS outgoing
RETURN b.label AS profiled_label, b.name AS profiled,
       CASE
         WHEN o.label = 'Decision' THEN 'decision'
         WHEN r.type = 'INTERFACE' THEN 'interface'
         WHEN r.type = 'PART_OF' AND outgoing THEN 'parent'
         WHEN r.type = 'PART_OF' THEN 'part'
         WHEN r.type = 'SERVES' AND outgoing THEN 'serves'
         WHEN r.type = 'SERVES' THEN 'served by'
         WHEN r.type = 'MANDATE' AND outgoing THEN 'mandate'
         WHEN r.type = 'MANDATE' THEN 'mandate holder'
         WHEN r.type = 'MEMBER_OF' AND outgoing THEN 'member of'
         WHEN r.type = 'MEMBER_OF' THEN 'member'
         WHEN r.type = 'PARTICIPATES_IN' AND outgoing THEN 'takes part in'
         WHEN r.type = 'PARTICIPATES_IN' THEN 'participant'
         WHEN r.type = 'REPORTS_TO' AND outgoing THEN 'reports to'
         WHEN r.type = 'REPORTS_TO' THEN 'reported to by'
         WHEN r.type = 'REPLACED_BY' AND outgoing THEN 'replaced by'
         WHEN r.type = 'REPLACED_BY' THEN 'replaces'
         WHEN outgoing THEN 'other out'
         ELSE 'other in'
       END AS section,
       r.type AS type, coalesce(r.role, r.topic, r.model) AS detail, o.label AS other_label, o.name AS other,
       coalesce(r.date, o.date) AS date, r.evidence AS evidence, r.sources AS sources
ORDER BY profiled, profiled_label, section, type, other_label, other, detail
