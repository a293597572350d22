"""The Neo4j store against a real Neo4j 5 server (no server, no test: there are no mocks).

Every report's rows on Neo4j are compared with the embedded store's on Testby, the town built to give every report
something to find, in tests/test_reports.py.
"""

import os

import neo4j.exceptions
import pytest

from graph.cypher import WriteQueryError
from graph.embedded import EmbeddedStore
from conftest import smaller_graph
from graph.model import Graph
from graph.neo4j_store import Neo4jStore

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason=(
        "NEO4J_URI not set: start Neo4j 5 (docker run -p7687:7687 -e NEO4J_AUTH=neo4j/password neo4j:5) "
        "and set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD"
    ),
)

@pytest.fixture
def store():
    """The server's database, emptied before and after: these tests own it while they run."""
    with Neo4jStore(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD"),
        os.environ.get("NEO4J_DATABASE") or None,
    ) as opened:
        opened.write_graph(Graph())
        yield opened
        opened.write_graph(Graph())


def counts(store):
    return store.query(
        "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relations"
    ).rows


def test_written_graph_reads_back_exactly(store, sample_graph):
    store.write_graph(sample_graph)
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_writing_the_same_graph_twice_changes_nothing(store, sample_graph):
    store.write_graph(sample_graph)
    once = counts(store)
    store.write_graph(sample_graph)
    assert counts(store) == once == [[len(sample_graph.nodes), len(sample_graph.relations)]]
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_a_write_removes_what_the_new_graph_lacks(store, sample_graph):
    store.write_graph(sample_graph)
    without_decisions = smaller_graph(sample_graph)
    del without_decisions.nodes["group:hr-kredsen"].props["valid_to"]
    store.write_graph(without_decisions)
    assert store.read_graph().to_dict() == without_decisions.to_dict()


def test_an_interface_turned_round_is_one_relation(store, sample_graph):
    store.write_graph(sample_graph)
    data = sample_graph.to_dict()
    for relation in data["relations"]:
        if relation["type"] == "INTERFACE":
            relation["source"], relation["target"] = relation["target"], relation["source"]
    turned = Graph.from_dict(data)
    store.write_graph(turned)
    assert store.read_graph().to_dict() == turned.to_dict()


def test_dates_are_stored_as_neo4j_dates(store, sample_graph):
    store.write_graph(sample_graph)
    rows = store.query(
        "MATCH (d:Decision) WHERE d.date >= date($since) RETURN d.date AS date", {"since": "2010-01-01"}
    ).rows
    assert rows == [["2017-11-07"]]


def test_nodes_and_relations_come_back_as_on_the_embedded_store(store, sample_graph, tmp_path):
    cypher = "MATCH (a:Committee)-[r:MANDATE]->(t:Task) RETURN a, r, t"
    store.write_graph(sample_graph)
    with EmbeddedStore(tmp_path / "store") as embedded:
        embedded.write_graph(sample_graph)
        assert store.query(cypher) == embedded.query(cypher)


def test_query_refuses_writes(store, sample_graph):
    store.write_graph(sample_graph)
    with pytest.raises(WriteQueryError):
        store.query("MATCH (n) DETACH DELETE n")
    assert store.read_graph().to_dict() == sample_graph.to_dict()


def test_queries_run_in_read_access_mode(store, sample_graph):
    """Defence in depth: past the guard, the server still refuses to write."""
    store.write_graph(sample_graph)
    with pytest.raises(neo4j.exceptions.ClientError):
        store._read("MATCH (n:Task) SET n.name = 'x'", {})
    assert store.read_graph().to_dict() == sample_graph.to_dict()
