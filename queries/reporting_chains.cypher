// title: Reporting chains
// answers: Which bodies stand above each body on its way up to the council (PART_OF, SERVES and REPORTS_TO), and how many steps up is each?
// params: none
// One row per body and body on a chain of at most six steps from it to a council; read a body's rows by step.
// The search starts at the councils and the body labels are filtered after grouping: LadybugDB runs a
// variable-length search per start node, and a condition right after it multiplies its cost. chain[step - steps - 1]
// counts from the end of the chain, which reads the same in both stores (their first index differs).
MATCH up = (b)-[:PART_OF|SERVES|REPORTS_TO*1..6]->(c:Council)
WITH b, nodes(up) AS chain, length(up) AS steps, count(*) AS paths
WHERE b.label IN ['Committee', 'Administration', 'Unit', 'Group', 'Organisation']
UNWIND range(1, steps) AS step
WITH DISTINCT b, step, chain[step - steps - 1] AS above
RETURN b.label AS body_label, b.name AS body, step, above.label AS above_label, above.name AS above_body
ORDER BY body, body_label, step, above_label, above_body
