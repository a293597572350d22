// title: Interface density between administrations
// answers: How often do two administrations meet on $as_of: stated interfaces between them, initiatives both take part in or hold a mandate on, and groups both are members of?
// params: $as_of (ISO date; nodes and relations valid on that day count)
// An administration speaks through itself and its units (PART_OF up to three levels, spelt out: a variable-length
// search per administration is slow in LadybugDB). Its touch points are the interfaces, initiatives and groups any of
// them has; two administrations meet once per touch point they share. One row per pair that meets at all.
MATCH (a:Administration)
WHERE (a.valid_from IS NULL OR a.valid_from <= date($as_of)) AND (a.valid_to IS NULL OR a.valid_to >= date($as_of))
OPTIONAL MATCH (a)<-[:PART_OF]-(u1)
OPTIONAL MATCH (u1)<-[:PART_OF]-(u2)
OPTIONAL MATCH (u2)<-[:PART_OF]-(u3)
UNWIND [a.id, u1.id, u2.id, u3.id] AS speaker
WITH DISTINCT a, speaker
MATCH (x)
WHERE x.id = speaker
OPTIONAL MATCH (x)-[i:INTERFACE]-()
WHERE (i.valid_from IS NULL OR i.valid_from <= date($as_of)) AND (i.valid_to IS NULL OR i.valid_to >= date($as_of))
WITH a, x, collect(CASE WHEN i IS NOT NULL THEN 'interface ' + i.id END) AS interfaces
OPTIONAL MATCH (x)-[r:PARTICIPATES_IN|MANDATE]->(n:Initiative)
WHERE (n.valid_from IS NULL OR n.valid_from <= date($as_of)) AND (n.valid_to IS NULL OR n.valid_to >= date($as_of))
  AND (r.valid_from IS NULL OR r.valid_from <= date($as_of)) AND (r.valid_to IS NULL OR r.valid_to >= date($as_of))
WITH a, x, interfaces, collect(CASE WHEN n IS NOT NULL THEN 'initiative ' + n.id END) AS initiatives
OPTIONAL MATCH (x)-[r:MEMBER_OF]->(g:`Group`)
WHERE (g.valid_from IS NULL OR g.valid_from <= date($as_of)) AND (g.valid_to IS NULL OR g.valid_to >= date($as_of))
  AND (r.valid_from IS NULL OR r.valid_from <= date($as_of)) AND (r.valid_to IS NULL OR r.valid_to >= date($as_of))
WITH a, interfaces, initiatives, collect(CASE WHEN g IS NOT NULL THEN 'group ' + g.id END) AS groups
UNWIND interfaces + initiatives + groups AS touch
WITH DISTINCT touch, a.id AS id, a.name AS name
WITH touch, collect({id: id, name: name}) AS administrations
UNWIND administrations AS a
UNWIND administrations AS b
WITH touch, a, b
WHERE a.id < b.id
WITH a, b, count(CASE WHEN touch STARTS WITH 'interface ' THEN 1 END) AS interfaces,
     count(CASE WHEN touch STARTS WITH 'initiative ' THEN 1 END) AS shared_initiatives,
     count(CASE WHEN touch STARTS WITH 'group ' THEN 1 END) AS shared_groups
RETURN a.name AS administration_a, b.name AS administration_b, interfaces, shared_initiatives, shared_groups,
       interfaces + shared_initiatives + shared_groups AS total
ORDER BY total DESC, administration_a, administration_b
