import json

import pytest

from graph.cypher import WriteQueryError
from graph.embedded import DATABASE_FILE, EmbeddedStore
from conftest import smaller_graph
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.store import open_store


@pytest.fixture
def store(tmp_path):
    with EmbeddedStore(tmp_path / "store") as opened:
        yield opened


def test_a_new_store_is_a_folder_holding_an_empty_graph(tmp_path):
    with EmbeddedStore(tmp_path / "store") as store:
        assert store.read_graph().to_dict() == {"nodes": [], "relations": []}
    assert [p.name for p in (tmp_path / "store").iterdir()] == [DATABASE_FILE]


def test_written_graph_reads_back_exactly(store, sample_graph):
    store.write_graph(sample_graph)
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_the_graph_survives_reopening_the_folder(tmp_path, sample_graph):
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_graph(sample_graph)
    with EmbeddedStore(tmp_path / "store") as reopened:
        assert reopened.read_graph().to_dict() == sample_graph.to_dict()


def test_a_write_replaces_the_whole_stored_graph(store, sample_graph):
    store.write_graph(sample_graph)
    without_decisions = smaller_graph(sample_graph)
    store.write_graph(without_decisions)
    assert store.read_graph().to_dict() == without_decisions.to_dict()
    assert store.query("MATCH (d:Decision) RETURN count(*) AS n").rows == [[0]]


def _bad_date(graph: Graph) -> None:
    graph.nodes["task:borgerservice"].props["valid_from"] = "2024-13-45"


def _duplicate_key(graph: Graph) -> None:
    """Two entries with one id: the database refuses the COPY itself."""
    graph.nodes["task:copy"] = graph.nodes["task:borgerservice"]


@pytest.mark.parametrize("breaking", [_bad_date, _duplicate_key])
def test_a_failed_write_leaves_the_old_store_intact(tmp_path, sample_graph, breaking):
    broken = Graph.from_dict(sample_graph.to_dict())
    breaking(broken)
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_graph(sample_graph)
        with pytest.raises((ValueError, RuntimeError)):
            store.write_graph(broken)
        assert store.read_graph().to_dict() == sample_graph.to_dict()
    assert [p.name for p in (tmp_path / "store").iterdir()] == [DATABASE_FILE]


def test_a_malformed_date_names_its_node(store, sample_graph):
    _bad_date(sample_graph)
    with pytest.raises(ValueError, match="task:borgerservice: valid_from must be an ISO date"):
        store.write_graph(sample_graph)


def test_a_property_the_schema_lacks_is_refused_not_dropped(store, sample_graph):
    sample_graph.nodes["task:borgerservice"].props["colour"] = "blue"
    with pytest.raises(ValueError, match="colour.*NODE_PROPERTIES"):
        store.write_graph(sample_graph)


def test_query_rows_are_plain_values(store, sample_graph):
    store.write_graph(sample_graph)
    result = store.query(
        "MATCH (d:Decision)-[r:ESTABLISHED]->(c:Committee) "
        "RETURN d.date AS date, c.aliases AS aliases, r, c"
    )
    assert result.columns == ["date", "aliases", "r", "c"]
    [[date, aliases, relation, committee]] = result.rows
    assert date == "2005-10-13"
    assert aliases == ["ØU", "Økonomiudvalgets"]
    assert relation == {
        "id": "ESTABLISHED|decision:borgerrepraesentationen:2005-10-13|committee:oekonomiudvalget|",
        "type": "ESTABLISHED",
        "date": "2006-01-01",
        "rules": [],
        "sources": [],
        "evidence": json.dumps(sample_graph.relations[relation["id"]].to_dict()["evidence"], ensure_ascii=False),
    }
    assert committee == {
        "id": "committee:oekonomiudvalget",
        "label": "Committee",
        "name": "Økonomiudvalget",
        "aliases": ["ØU", "Økonomiudvalgets"],
        "valid_from": "2006-01-01",
        "sources": [],
        "evidence": committee["evidence"],
    }
    assert [e["quote"] for e in json.loads(committee["evidence"])] == ["Økonomiudvalget", "ØU"]


def test_a_path_is_its_nodes_and_relations(store, sample_graph):
    store.write_graph(sample_graph)
    [[path]] = store.query(
        "MATCH p = (u:Unit)-[:PART_OF*1..1]->(a:Administration) RETURN p"
    ).rows
    assert [n["name"] for n in path["nodes"]] == ["Center for Politik og HR", "Økonomiforvaltningen"]
    assert [r["type"] for r in path["relations"]] == ["PART_OF"]


def test_parameters_reach_the_query(store, sample_graph):
    store.write_graph(sample_graph)
    result = store.query(
        "MATCH (n) WHERE n.valid_from >= date($as_of) RETURN n.name AS name ORDER BY name",
        {"as_of": "2020-01-01"},
    )
    assert result.rows == [["Ressortanalysen 2024"]]


def test_one_statement_per_query(store):
    assert store.query("MATCH (n) RETURN count(*) AS n;").rows == [[0]]
    with pytest.raises(ValueError, match="one Cypher statement"):
        store.query("MATCH (n) RETURN count(*) AS n; MATCH (m) RETURN count(*) AS m")


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (n) DETACH DELETE n",
        "CREATE (:Task {id: 'task:x', label: 'Task', name: 'x'})",
        "MATCH (n:Task) SET n.name = 'x'",
    ],
)
def test_query_refuses_writes_and_the_graph_is_unchanged(store, sample_graph, cypher):
    store.write_graph(sample_graph)
    with pytest.raises(WriteQueryError, match="read-only"):
        store.query(cypher)
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_the_database_itself_is_opened_read_only_for_queries(store, sample_graph):
    """Defence in depth: past the guard, LadybugDB still refuses to write."""
    store.write_graph(sample_graph)
    with pytest.raises(RuntimeError, match="read-only"):
        store._read("MATCH (n:Task) SET n.name = 'x'", {})
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_open_store_reads_the_spec(tmp_path, monkeypatch):
    monkeypatch.setenv("RESSORTGRAF_STORE", str(tmp_path / "from-env"))
    with open_store() as store:
        assert isinstance(store, EmbeddedStore)
        assert store.folder == tmp_path / "from-env"
    with open_store(str(tmp_path / "named")) as store:
        assert store.folder == tmp_path / "named"
    for uri in ("bolt://localhost:7687", "neo4j+s://example.org:7687"):
        with open_store(uri) as store:  # the driver connects lazily
            assert isinstance(store, Neo4jStore)


def test_without_provenance_the_graph_reads_back_without_evidence_sources_and_rules(store, sample_graph):
    store.write_graph(sample_graph)
    expected = Graph.from_dict(sample_graph.to_dict())
    assert any(node.evidence for node in expected.nodes.values())
    for item in [*expected.nodes.values(), *expected.relations.values()]:
        item.evidence, item.sources = set(), set()
    for relation in expected.relations.values():
        relation.rules = set()
    assert store.read_graph(provenance=False).to_dict() == expected.to_dict()
