// Lints Cypher as Neo4j 5 parses it.
// stdin: a JSON list of query strings. stdout: a JSON list with, for each
// query, its diagnostics ({severity, message, line, column}); "parameter is
// not defined" is left out because the queries are linted without a schema.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = JSON.parse(input).map((query) =>
  lintCypherQuery(query, { defaultLanguage: 'CYPHER 5' })
    .diagnostics.filter(isNotParamError)
    .map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
);
process.stdout.write(JSON.stringify(results));
