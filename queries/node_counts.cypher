// title: Nodes per label
// answers: How many nodes of each kind (council, committee, administration, …) does the graph hold?
// params: none
MATCH (n)
RETURN n.label AS label, count(*) AS nodes
ORDER BY label
