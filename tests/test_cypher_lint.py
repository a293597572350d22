"""Every Cypher the project ships, checked from both sides.

Neo4j: each statement goes through Neo4j 5's own parser
(``@neo4j-cypher/language-support``, run by tests/cypher_lint/lint.mjs).
LadybugDB: each report runs on the embedded store and returns the rows the
sample graph implies. Also here: the read-only guard in front of both.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.cypher import WriteQueryError, ensure_read_only
from graph.embedded import EmbeddedStore
from graph.neo4j_store import shipped_statements
from queries import all_reports

LINT_DIR = Path(__file__).parent / "cypher_lint"


def shipped_cypher() -> dict[str, str]:
    """Name -> text of every Cypher the project sends to Neo4j."""
    cypher = {f"queries/{report.name}.cypher": report.cypher for report in all_reports()}
    cypher.update({f"graph/neo4j_store.py #{i}": text for i, text in enumerate(shipped_statements())})
    return cypher


#: Queries Neo4j 5 rejects or accepts, to show the lint can tell them apart.
PROBES = {
    "probe: broken pattern": "MATCH (n RETURN n",
    "probe: parameter and quoted Group": "MATCH (n:`Group`) WHERE n.name = $name RETURN n.label",
}


@pytest.fixture(scope="module")
def lint_errors() -> dict[str, list[str]]:
    """Name -> errors Neo4j's parser finds, for every shipped Cypher and the probes (one node run)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the Neo4j grammar check needs Node.js")
    if not (LINT_DIR / "node_modules").is_dir():
        pytest.skip("the Neo4j grammar check is not installed: run `npm ci --prefix tests/cypher_lint`")
    cypher = {**shipped_cypher(), **PROBES}
    done = subprocess.run(
        ["node", str(LINT_DIR / "lint.mjs")],
        input=json.dumps(list(cypher.values())), capture_output=True, text=True, check=True,
    )
    return {
        name: [f"{d['line']}:{d['column']} {d['message']}" for d in diagnostics if d["severity"] == "error"]
        for name, diagnostics in zip(cypher, json.loads(done.stdout))
    }


def test_every_shipped_cypher_parses_as_neo4j_5(lint_errors):
    shipped = {name: lint_errors[name] for name in shipped_cypher()}
    assert {name: errors for name, errors in shipped.items() if errors} == {}


def test_the_lint_tells_broken_cypher_from_sound(lint_errors):
    assert lint_errors["probe: broken pattern"] != []
    assert lint_errors["probe: parameter and quoted Group"] == []


def test_every_report_declares_title_answers_and_params():
    for report in all_reports():
        header = [line.split(":", 1)[0] for line in report.cypher.splitlines()[:3]]
        assert header == ["// title", "// answers", "// params"], report.name


@pytest.fixture
def stored_sample(tmp_path, sample_graph):
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_graph(sample_graph)
        yield store


def _quote(start: int, quote: str) -> str:
    """Evidence of the sample document as the stores return it: JSON text."""
    return json.dumps([{"document": "kk-br-2005-10-13-punkt-15.txt", "start": start, "end": start + len(quote),
                        "quote": quote}], ensure_ascii=False)


REPORT_CASES = {
    "node_counts": ({}, [
        ["Administration", 1], ["Committee", 2], ["Council", 1], ["Decision", 2], ["Document", 1],
        ["Group", 1], ["Initiative", 1], ["Organisation", 1], ["Person", 1], ["Task", 1], ["Unit", 1],
    ]),
    "relation_counts": ({}, [
        ["PART_OF", 2], ["CONCERNS", 1], ["DECIDED_BY", 1], ["DISSOLVED", 1], ["ESTABLISHED", 1],
        ["INTERFACE", 1], ["MANDATE", 1], ["MEMBER_OF", 1], ["PROPOSED_BY", 1], ["REPORTS_TO", 1],
        ["SERVES", 1],
    ]),
    "decisions": ({}, [
        ["2005-10-13", "Borgerrepræsentationens beslutning 13. oktober 2005", "Borgerrepræsentationen",
         "CONCERNS", "Task", "Borgerservice", None],
        ["2005-10-13", "Borgerrepræsentationens beslutning 13. oktober 2005", "Borgerrepræsentationen",
         "DISSOLVED", "Group", "HR-kredsen", "2006-12-31"],
        ["2005-10-13", "Borgerrepræsentationens beslutning 13. oktober 2005", "Borgerrepræsentationen",
         "ESTABLISHED", "Committee", "Økonomiudvalget", "2006-01-01"],
        ["2017-11-07", "Økonomiudvalgets beslutning 7. november 2017", None, None, None, None, None],
    ]),
    "body_profile": ({"name": "ØU"}, [
        ["Committee", "Økonomiudvalget", "decision", "ESTABLISHED", None, "Decision",
         "Borgerrepræsentationens beslutning 13. oktober 2005", "2006-01-01",
         _quote(320, "at der etableres følgende syv udvalg/forvaltninger"), []],
        ["Committee", "Økonomiudvalget", "interface", "INTERFACE", "klimadagsordenen", "Committee",
         "Teknik- og Miljøudvalget", None, _quote(120, "Teknik- og Miljøudvalget"), []],
        ["Committee", "Økonomiudvalget", "mandate", "MANDATE", "responsible", "Task", "Borgerservice", None,
         _quote(480, "Borgerservice"), []],
        ["Committee", "Økonomiudvalget", "member", "MEMBER_OF", None, "Person", "Rasmus Rune Steenberger", None,
         _quote(280, "Rasmus Rune Steenberger (F)"), []],
        ["Committee", "Økonomiudvalget", "parent", "PART_OF", None, "Council", "Borgerrepræsentationen", None,
         "[]", ["https://www.kk.dk/"]],
        ["Committee", "Økonomiudvalget", "reported to by", "REPORTS_TO", None, "Initiative", "Ressortanalysen 2024",
         None, _quote(440, "Ressortanalysen 2024"), []],
        ["Committee", "Økonomiudvalget", "served by", "SERVES", None, "Administration", "Økonomiforvaltningen", None,
         _quote(160, "ØKF"), []],
    ]),
    "timeline": ({}, [
        ["2006-01-01", "ESTABLISHED", "Committee", "Økonomiudvalget",
         "Borgerrepræsentationens beslutning 13. oktober 2005", "2005-10-13", "Borgerrepræsentationen"],
        ["2006-12-31", "DISSOLVED", "Group", "HR-kredsen",
         "Borgerrepræsentationens beslutning 13. oktober 2005", "2005-10-13", "Borgerrepræsentationen"],
    ]),
    "reporting_chains": ({}, [
        ["Unit", "Center for Politik og HR", 1, "Administration", "Økonomiforvaltningen"],
        ["Unit", "Center for Politik og HR", 2, "Committee", "Økonomiudvalget"],
        ["Unit", "Center for Politik og HR", 3, "Council", "Borgerrepræsentationen"],
        ["Administration", "Økonomiforvaltningen", 1, "Committee", "Økonomiudvalget"],
        ["Administration", "Økonomiforvaltningen", 2, "Council", "Borgerrepræsentationen"],
        ["Committee", "Økonomiudvalget", 1, "Council", "Borgerrepræsentationen"],
    ]),
    # The sample graph has one mandate, one administration and one group: nothing overlaps.
    # tests/test_reports.py pins these reports down on a town built to overlap.
    **{name: ({"as_of": "2024-06-01"}, []) for name in (
        "mandate_overlap", "shared_mandates", "interface_density", "duplicate_fora", "orphaned_mandates")},
}


def test_every_report_has_a_case_here():
    assert sorted(REPORT_CASES) == sorted(report.name for report in all_reports())


@pytest.mark.parametrize("name", sorted(REPORT_CASES))
def test_report_runs_on_the_embedded_store(stored_sample, name):
    [report] = [r for r in all_reports() if r.name == name]
    params, expected = REPORT_CASES[name]
    assert stored_sample.query(report.cypher, params).rows == expected


READ_ONLY = [
    "MATCH (n) WHERE n.name = 'CREATE' RETURN n",
    "MATCH (n) WHERE n.name = \"it's DELETE\" RETURN n",
    "MATCH (n:`SET`) RETURN n.`remove`",
    "MATCH (n) // DELETE everything\nRETURN n /* MERGE */",
    "MATCH (n) RETURN n.set AS copy_of_set, $delete, {create: 1}",
    "MATCH (n) WHERE EXISTS { MATCH (n)-[:PART_OF]->() } RETURN count(*)",
    "CALL { MATCH (n) RETURN n } RETURN n",
    "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN m } RETURN m",
]
REFUSED = {
    "CREATE (n:Task {id: 'x'})": "CREATE is a write clause",
    "MATCH (n) DETACH DELETE n": "DETACH DELETE is a write clause",
    "match (n) delete n": "DELETE is a write clause",
    "MATCH (n) MERGE (m:Task {id: 'x'})": "MERGE is a write clause",
    "MATCH (n) SET n.name = 'x'": "SET is a write clause",
    "MATCH (n) REMOVE n.name": "REMOVE is a write clause",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = x)": "FOREACH is a write clause",
    "COPY Task FROM 'tasks.csv'": "COPY is a write clause",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row": "LOAD CSV is an import",
    "LOAD FROM 'x.parquet' RETURN *": "LOAD FROM is an import",
    "INSTALL json": "INSTALL is an import",
    "EXPORT DATABASE '/tmp/x'": "EXPORT is an import",
    "IMPORT DATABASE '/tmp/x'": "IMPORT is an import",
    "DROP TABLE Task": "DROP is an administration clause",
    "ALTER TABLE Task ADD x STRING": "ALTER is an administration clause",
    "CALL db.labels()": "CALL of a procedure is refused",
    "CALL show_tables() RETURN *": "CALL of a procedure is refused",
    "CALL { MATCH (n) SET n.x = 1 RETURN n } RETURN n": "SET is a write clause",
    "MATCH (n) RETURN n; CREATE (m)": "CREATE is a write clause",
}


@pytest.mark.parametrize("cypher", READ_ONLY)
def test_read_queries_pass_the_guard(cypher):
    ensure_read_only(cypher)


@pytest.mark.parametrize("cypher", sorted(REFUSED))
def test_write_and_admin_clauses_are_refused_by_name(cypher):
    with pytest.raises(WriteQueryError) as refused:
        ensure_read_only(cypher)
    assert str(refused.value).startswith("ressortgraf query is read-only: ")
    assert REFUSED[cypher] in str(refused.value)


def test_a_query_the_guard_cannot_read_is_refused():
    with pytest.raises(ValueError, match="unterminated"):
        ensure_read_only("MATCH (n) WHERE n.name = 'x RETURN n")
