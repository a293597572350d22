"""The Neo4j store: the same graph on a Neo4j 5 server.

``write_graph`` is an idempotent sync, not a reload: it deletes what the new
graph no longer has, then MERGEs every node and relation on its ``id`` in
batched ``UNWIND`` statements, so running it twice leaves the same database.
Each batch is its own transaction; if a write fails part-way, running it
again completes it. Queries run in READ access mode.

Every statement sent is a module constant or built by a function here, so
tests/test_cypher_lint.py can check them all against Neo4j's own parser.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

import neo4j
import neo4j.graph
import neo4j.time

from graph.model import Graph
from graph.schema import NODE_LABELS, RELATION_TYPES
from graph.store import (
    READ_NODE_STRUCTURE,
    READ_NODES,
    READ_RELATION_STRUCTURE,
    READ_RELATIONS,
    QueryResult,
    Store,
    node_record,
    plain_value,
    relation_record,
)

BATCH_SIZE = 5000

DELETE_STALE_RELATIONS = (
    "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
    "WITH a, r, b, $ends[r.id] AS ends "
    "WHERE ends IS NULL OR ends <> [a.id, b.id] "
    "DELETE r"
)
DELETE_STALE_NODES = "MATCH (n) WHERE n.label IN $labels AND NOT n.id IN $ids DETACH DELETE n"


def id_constraint(label: str) -> str:
    return (
        f"CREATE CONSTRAINT ressortgraf_{label.lower()}_id IF NOT EXISTS "
        f"FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"
    )


def merge_nodes(label: str) -> str:
    """MERGE a batch of node records; returns each node's element id for the relations."""
    return (
        f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row.id}}) SET n = row "
        "RETURN row.id AS id, elementId(n) AS element_id"
    )


def merge_relations(type_: str) -> str:
    """MERGE a batch of relations between nodes found by element id (an index-free seek)."""
    return (
        "UNWIND $rows AS row "
        "MATCH (a) WHERE elementId(a) = row.source "
        "MATCH (b) WHERE elementId(b) = row.target "
        f"MERGE (a)-[r:`{type_}` {{id: row.props.id}}]->(b) SET r = row.props "
        "RETURN count(r) AS merged"
    )


def shipped_statements() -> list[str]:
    """Every statement this store sends besides the analyst's own queries."""
    return [
        *(id_constraint(label) for label in NODE_LABELS),
        DELETE_STALE_RELATIONS,
        DELETE_STALE_NODES,
        *(merge_nodes(label) for label in NODE_LABELS),
        *(merge_relations(type_) for type_ in RELATION_TYPES),
        READ_NODES,
        READ_RELATIONS,
        READ_NODE_STRUCTURE,
        READ_RELATION_STRUCTURE,
    ]


class Neo4jStore(Store):
    """A graph in a Neo4j 5 database (the server's default one unless ``database`` is given)."""

    def __init__(self, uri: str, user: str, password: str | None, database: str | None = None) -> None:
        self._driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password) if password is not None else None
        )
        self._database = database

    def write_graph(self, graph: Graph) -> None:
        """Sync the database to ``graph``: delete what it lacks, MERGE the rest in batches."""
        nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node in graph.nodes.values():
            nodes[node.label].append(_without_nulls(node_record(node)))
        relations: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
        for relation in graph.relations.values():
            props = _without_nulls(relation_record(relation))
            relations[relation.type].append((relation.source, relation.target, props))
        ends = {props["id"]: [source, target] for group in relations.values() for source, target, props in group}

        with self._session(neo4j.WRITE_ACCESS) as session:
            for label in NODE_LABELS:
                session.run(id_constraint(label)).consume()
            session.execute_write(_run, DELETE_STALE_RELATIONS, types=list(RELATION_TYPES), ends=ends)
            session.execute_write(_run, DELETE_STALE_NODES, labels=list(NODE_LABELS), ids=list(graph.nodes))
            element_ids: dict[str, str] = {}
            for label, records in nodes.items():
                for batch in _batches(records):
                    element_ids.update(session.execute_write(_merge_node_batch, label, batch))
            for type_, triples in relations.items():
                for batch in _batches(triples):
                    rows = [
                        {"source": element_ids[source], "target": element_ids[target], "props": props}
                        for source, target, props in batch
                    ]
                    session.execute_write(_merge_relation_batch, type_, rows)

    def _read(self, cypher: str, params: dict) -> QueryResult:
        with self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(_read_rows, cypher, params)

    def close(self) -> None:
        self._driver.close()

    def _session(self, access_mode: str) -> neo4j.Session:
        return self._driver.session(database=self._database, default_access_mode=access_mode)


def _run(tx: neo4j.ManagedTransaction, cypher: str, **params: Any) -> None:
    tx.run(cypher, params).consume()


def _merge_node_batch(tx: neo4j.ManagedTransaction, label: str, rows: list[dict]) -> dict[str, str]:
    return {record["id"]: record["element_id"] for record in tx.run(merge_nodes(label), rows=rows)}


def _merge_relation_batch(tx: neo4j.ManagedTransaction, type_: str, rows: list[dict]) -> None:
    merged = tx.run(merge_relations(type_), rows=rows).single(strict=True)["merged"]
    if merged != len(rows):
        raise RuntimeError(
            f"{type_}: {len(rows) - merged} of {len(rows)} relations lost an end while writing "
            "(was the database changed meanwhile?); run the write again"
        )


def _read_rows(tx: neo4j.ManagedTransaction, cypher: str, params: dict) -> QueryResult:
    result = tx.run(cypher, params)
    columns = list(result.keys())
    rows = [[plain_value(value, _native) for value in record.values()] for record in result]
    return QueryResult(columns=columns, rows=rows)


def _native(value: Any) -> Any:
    """Driver values as plain dicts and ``datetime`` values (see ``QueryResult``)."""
    if isinstance(value, (neo4j.graph.Node, neo4j.graph.Relationship)):
        return dict(value.items())
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": list(value.nodes), "relations": list(value.relationships)}
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time)):
        return value.to_native()
    return value


def _without_nulls(record: dict[str, Any]) -> dict[str, Any]:
    """Neo4j has no null properties: an absent one is simply not set."""
    return {key: value for key, value in record.items() if value is not None}


def _batches(items: list) -> Iterator[list]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]
