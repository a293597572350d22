// title: Body profile
// answers: What is a body connected to: every relation into and out of it, with its type, role and the node at the other end?
// params: $name (the body's name or one of its aliases)
MATCH (b)
WHERE b.label IN ['Council', 'Committee', 'Administration', 'Unit', 'Group', 'Organisation']
  AND (b.name = $name OR $name IN b.aliases)
MATCH (b)-[r]-(o)
OPTIONAL MATCH (b)-[out]->(o) WHERE out.id = r.id
RETURN b.name AS body, CASE WHEN out IS NULL THEN 'in' ELSE 'out' END AS direction,
       r.type AS type, r.role AS role, o.label AS other_label, o.name AS other
ORDER BY body, direction DESC, type, other_label, other, role
