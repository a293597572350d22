// title: Decisions
// answers: Which decisions are recorded, when and by which body were they taken, and what did each establish, dissolve or concern (with the date it takes effect)?
// params: none
// One row per decision, deciding body and effect; a decision without a recorded body or effect still has its row.
MATCH (d:Decision)
OPTIONAL MATCH (d)-[:DECIDED_BY]->(b)
WITH d, b
OPTIONAL MATCH (d)-[r:ESTABLISHED|DISSOLVED|CONCERNS]->(x)
RETURN d.date AS date, d.name AS decision, b.name AS decided_by,
       r.type AS effect, x.label AS subject_label, x.name AS subject,
       r.date AS effective
ORDER BY date, decision, decided_by, effect, subject_label, subject
