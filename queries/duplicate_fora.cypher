// title: Duplicate fora
// answers: Which groups share so many members and mandates on $as_of that they may duplicate each other (at least two shared, Jaccard index at least 0.5)?
// params: $as_of (ISO date; nodes and relations valid on that day count)
// A group's items are its members and the tasks and initiatives it holds a mandate on; jaccard = shared items / all items of the two.
// An item held by more than 25 groups (a national organisation sitting in hundreds of fora) is left out of both:
// it says nothing about whether two fora duplicate each other, and it would pair every forum with every other.
// Each group's items are collected once and pairs are counted per shared item; a forum travels as a map of plain
// values (maps holding whole nodes are slow to unwind in LadybugDB).
MATCH (g:`Group`)
WHERE (g.valid_from IS NULL OR g.valid_from <= date($as_of)) AND (g.valid_to IS NULL OR g.valid_to >= date($as_of))
OPTIONAL MATCH (g)<-[r:MEMBER_OF]-(m)
WHERE (r.valid_from IS NULL OR r.valid_from <= date($as_of)) AND (r.valid_to IS NULL OR r.valid_to >= date($as_of))
WITH g, collect(DISTINCT CASE WHEN m IS NOT NULL THEN 'member ' + m.id END) AS members
OPTIONAL MATCH (g)-[r:MANDATE]->(t)
WHERE (r.valid_from IS NULL OR r.valid_from <= date($as_of)) AND (r.valid_to IS NULL OR r.valid_to >= date($as_of))
WITH g, members, collect(DISTINCT CASE WHEN t IS NOT NULL THEN 'mandate ' + t.id END) AS mandates
UNWIND members + mandates AS item
WITH item, collect({id: g.id, name: g.name}) AS holders
WHERE size(holders) <= 25
UNWIND holders AS holder
WITH holder, collect(item) AS items
WITH {id: holder.id, name: holder.name, items: size(items)} AS forum, items
UNWIND items AS item
WITH item, collect(forum) AS fora
UNWIND fora AS f1
UNWIND fora AS f2
WITH f1, f2, item
WHERE f1.id < f2.id
WITH f1, f2, count(CASE WHEN item STARTS WITH 'member ' THEN 1 END) AS shared_members,
     count(CASE WHEN item STARTS WITH 'mandate ' THEN 1 END) AS shared_mandates
WITH f1, f2, shared_members, shared_mandates, shared_members + shared_mandates AS shared,
     f1.items + f2.items - shared_members - shared_mandates AS together
WHERE shared >= 2 AND 2 * shared >= together
RETURN f1.name AS forum_a, f2.name AS forum_b, shared_members, shared_mandates,
       round(1.0 * shared / together, 3) AS jaccard
ORDER BY jaccard DESC, forum_a, forum_b
