// title: Relations per type
// answers: How many relations of each type (mandates, interfaces, establishments, dissolutions, …) does the graph hold?
// params: none
MATCH ()-[r]->()
RETURN r.type AS type, count(*) AS relations
ORDER BY relations DESC, type
