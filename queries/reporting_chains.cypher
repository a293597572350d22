// title: Reporting chains
// answers: Which bodies stand above each body on its way up to the council (PART_OF, SERVES and REPORTS_TO), and how many steps up is each?
// params: none
// One row per body and body on a chain of at most six steps from it to a council; read a body's rows by step.
// The chains are walked down from the councils one step per OPTIONAL MATCH, spelt out: LadybugDB runs a
// variable-length search per start node (about 30 ms each). A node n steps down has its n ancestors on the way,
// one map of plain values each (maps holding whole nodes are slow to unwind in LadybugDB); the body labels are
// filtered after that. A loop in the reporting lines is walked round until the six steps are used up.
MATCH (b0:Council)
OPTIONAL MATCH (b0)<-[:PART_OF|SERVES|REPORTS_TO]-(b1)
OPTIONAL MATCH (b1)<-[:PART_OF|SERVES|REPORTS_TO]-(b2)
OPTIONAL MATCH (b2)<-[:PART_OF|SERVES|REPORTS_TO]-(b3)
OPTIONAL MATCH (b3)<-[:PART_OF|SERVES|REPORTS_TO]-(b4)
OPTIONAL MATCH (b4)<-[:PART_OF|SERVES|REPORTS_TO]-(b5)
OPTIONAL MATCH (b5)<-[:PART_OF|SERVES|REPORTS_TO]-(b6)
UNWIND [
  {id: b1.id, label: b1.label, name: b1.name, step: 1, above: b0.id, above_label: b0.label, above_name: b0.name},
  {id: b2.id, label: b2.label, name: b2.name, step: 1, above: b1.id, above_label: b1.label, above_name: b1.name},
  {id: b2.id, label: b2.label, name: b2.name, step: 2, above: b0.id, above_label: b0.label, above_name: b0.name},
  {id: b3.id, label: b3.label, name: b3.name, step: 1, above: b2.id, above_label: b2.label, above_name: b2.name},
  {id: b3.id, label: b3.label, name: b3.name, step: 2, above: b1.id, above_label: b1.label, above_name: b1.name},
  {id: b3.id, label: b3.label, name: b3.name, step: 3, above: b0.id, above_label: b0.label, above_name: b0.name},
  {id: b4.id, label: b4.label, name: b4.name, step: 1, above: b3.id, above_label: b3.label, above_name: b3.name},
  {id: b4.id, label: b4.label, name: b4.name, step: 2, above: b2.id, above_label: b2.label, above_name: b2.name},
  {id: b4.id, label: b4.label, name: b4.name, step: 3, above: b1.id, above_label: b1.label, above_name: b1.name},
  {id: b4.id, label: b4.label, name: b4.name, step: 4, above: b0.id, above_label: b0.label, above_name: b0.name},
  {id: b5.id, label: b5.label, name: b5.name, step: 1, above: b4.id, above_label: b4.label, above_name: b4.name},
  {id: b5.id, label: b5.label, name: b5.name, step: 2, above: b3.id, above_label: b3.label, above_name: b3.name},
  {id: b5.id, label: b5.label, name: b5.name, step: 3, above: b2.id, above_label: b2.label, above_name: b2.name},
  {id: b5.id, label: b5.label, name: b5.name, step: 4, above: b1.id, above_label: b1.label, above_name: b1.name},
  {id: b5.id, label: b5.label, name: b5.name, step: 5, above: b0.id, above_label: b0.label, above_name: b0.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 1, above: b5.id, above_label: b5.label, above_name: b5.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 2, above: b4.id, above_label: b4.label, above_name: b4.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 3, above: b3.id, above_label: b3.label, above_name: b3.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 4, above: b2.id, above_label: b2.label, above_name: b2.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 5, above: b1.id, above_label: b1.label, above_name: b1.name},
  {id: b6.id, label: b6.label, name: b6.name, step: 6, above: b0.id, above_label: b0.label, above_name: b0.name}
] AS link
WITH link
WHERE link.id IS NOT NULL AND link.label IN ['Committee', 'Administration', 'Unit', 'Group', 'Organisation']
WITH DISTINCT link.id AS id, link.label AS body_label, link.name AS body, link.step AS step, link.above AS above,
     link.above_label AS above_label, link.above_name AS above_body
RETURN body_label, body, step, above_label, above_body
ORDER BY body, body_label, step, above_label, above_body
