"""Where the graph lives: one interface, an embedded and a Neo4j backend.

Both stores hold a ``Graph`` as the same records (one per node and relation,
the properties of ``graph.schema``) and answer the same read-only Cypher with
the same rows, so reports, the CLI and the tests do not care which one they
talk to.
"""

from __future__ import annotations

import abc
import datetime
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from graph.cypher import ensure_read_only
from graph.model import Graph, Node, Relation, evidence_from_json, evidence_to_json
from graph.schema import DATE_PROPERTIES, NODE_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, RELATION_TYPES

DEFAULT_STORE = "./ressortgraf.db"
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")

#: Properties that say where a fact comes from rather than what it is: graph algorithms do without them.
PROVENANCE: frozenset[str] = frozenset({"evidence", "sources", "rules"})


def _read_nodes(names: list[str]) -> str:
    return "MATCH (n) WHERE n.label IN $labels RETURN " + ", ".join(f"n.`{name}` AS `{name}`" for name in names)


def _read_relations(names: list[str]) -> str:
    return "MATCH (a)-[r]->(b) WHERE r.type IN $types RETURN a.id AS `source`, b.id AS `target`, " + ", ".join(
        f"r.`{name}` AS `{name}`" for name in names
    )


#: Portable Cypher that reads a whole stored graph back, one column per property.
READ_NODES = _read_nodes(list(NODE_PROPERTIES))
READ_RELATIONS = _read_relations(list(RELATION_PROPERTIES))
#: The same without ``PROVENANCE`` (a fifth of the data on a graph read from documents).
READ_NODE_STRUCTURE = _read_nodes([name for name in NODE_PROPERTIES if name not in PROVENANCE])
READ_RELATION_STRUCTURE = _read_relations([name for name in RELATION_PROPERTIES if name not in PROVENANCE])

# Properties a Node / Relation keeps outside ``props``.
_NODE_FIELDS = {"id", "label", "name", "aliases", "sources", "evidence"}
_RELATION_FIELDS = {"id", "type", "rules", "sources", "evidence"}
NODE_PROPS = [name for name in NODE_PROPERTIES if name not in _NODE_FIELDS]
RELATION_PROPS = [name for name in RELATION_PROPERTIES if name not in _RELATION_FIELDS]


@dataclass
class QueryResult:
    """Rows of a read query, normalised so that both stores give equal rows.

    Dates are ISO strings, a node is the dict of its stored properties, a
    relation the dict of its properties (``type`` among them), a path
    ``{"nodes": [...], "relations": [...]}``; evidence stays its JSON text.
    """

    columns: list[str]
    rows: list[list]


class Store(abc.ABC):
    """A stored graph: replaced whole by ``write_graph``, read by Cypher."""

    @abc.abstractmethod
    def write_graph(self, graph: Graph) -> None:
        """Make the store hold exactly ``graph``: nodes, relations, props, evidence."""

    @abc.abstractmethod
    def _read(self, cypher: str, params: dict) -> QueryResult:
        """Run Cypher in the backend's read-only mode and normalise the rows."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the database."""

    def query(self, cypher: str, params: dict | None = None) -> QueryResult:
        """Run a read-only Cypher query; write and admin clauses are refused."""
        ensure_read_only(cypher)
        return self._read(cypher, params or {})

    def read_graph(self, provenance: bool = True, relation_types: Iterable[str] = RELATION_TYPES) -> Graph:
        """The whole stored graph, or for graph algorithms the part they look at: only the relations of
        ``relation_types``, and with ``provenance=False`` no evidence, sources or rules, which cost most of the
        reading."""
        graph = Graph()
        read_nodes, read_relations = (READ_NODES, READ_RELATIONS) if provenance else (
            READ_NODE_STRUCTURE, READ_RELATION_STRUCTURE)
        nodes = self._read(read_nodes, {"labels": list(NODE_LABELS)})
        for row in nodes.rows:
            graph.add_node(node_from_record(dict(zip(nodes.columns, row))))
        relations = self._read(read_relations, {"types": sorted(relation_types)})
        for source, target, *row in relations.rows:
            graph.add_relation(relation_from_record(dict(zip(relations.columns[2:], row)), source, target))
        return graph

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_store(spec: str | None = None) -> Store:
    """The store named by ``spec``: a Neo4j URI or an embedded store folder.

    Without ``spec``: ``$RESSORTGRAF_STORE``, else ``./ressortgraf.db``. Neo4j
    credentials come from ``NEO4J_USER`` (default ``neo4j``),
    ``NEO4J_PASSWORD`` and optionally ``NEO4J_DATABASE``.
    """
    spec = spec or os.environ.get("RESSORTGRAF_STORE") or DEFAULT_STORE
    if spec.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(
            spec,
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD"),
            os.environ.get("NEO4J_DATABASE") or None,
        )
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(spec)


def node_record(node: Node) -> dict[str, Any]:
    """A node as stored: every NODE_PROPERTIES key, dates as ``date``, None where absent."""
    _refuse_unknown(node.props, NODE_PROPS, f"node {node.id}", "NODE_PROPERTIES")
    return {
        "id": node.id,
        "label": node.label,
        "name": node.name,
        "aliases": sorted(node.aliases),
        "sources": sorted(node.sources),
        "evidence": evidence_to_json(node.evidence),
        **{name: _stored(name, node.props.get(name), node.id) for name in NODE_PROPS},
    }


def relation_record(relation: Relation) -> dict[str, Any]:
    """A relation's properties as stored (its ends are not properties)."""
    _refuse_unknown(relation.props, RELATION_PROPS, f"relation {relation.id}", "RELATION_PROPERTIES")
    return {
        "id": relation.id,
        "type": relation.type,
        "rules": sorted(relation.rules),
        "sources": sorted(relation.sources),
        "evidence": evidence_to_json(relation.evidence),
        **{name: _stored(name, relation.props.get(name), relation.id) for name in RELATION_PROPS},
    }


def node_from_record(props: dict[str, Any]) -> Node:
    """The node of a normalised stored record (dates as ISO strings)."""
    return Node(
        id=props["id"],
        label=props["label"],
        name=props["name"],
        aliases=set(props.get("aliases") or ()),
        props={name: props[name] for name in NODE_PROPS if props.get(name) is not None},
        evidence=evidence_from_json(props.get("evidence")),
        sources=set(props.get("sources") or ()),
    )


def relation_from_record(props: dict[str, Any], source: str, target: str) -> Relation:
    """The relation of a normalised stored record between ``source`` and ``target``."""
    return Relation(
        type=props["type"],
        source=source,
        target=target,
        props={name: props[name] for name in RELATION_PROPS if props.get(name) is not None},
        evidence=evidence_from_json(props.get("evidence")),
        sources=set(props.get("sources") or ()),
        rules=set(props.get("rules") or ()),
    )


def plain_value(value: Any, native: Callable[[Any], Any]) -> Any:
    """A query value as plain Python: ISO dates, lists, dicts.

    ``native`` turns the backend's own values (nodes, relations, paths, date
    types) into dicts and ``datetime`` values first.
    """
    if value is None or isinstance(value, (str, int, float)):
        return value
    value = native(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain_value(item, native) for item in value]
    if isinstance(value, dict):
        return {key: plain_value(item, native) for key, item in value.items()}
    return value


def _stored(name: str, value: Any, owner: str) -> Any:
    if value is None or name not in DATE_PROPERTIES:
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{owner}: {name} must be an ISO date YYYY-MM-DD, not {value!r}") from None


def _refuse_unknown(props: dict[str, Any], known: list[str], what: str, where: str) -> None:
    """A property the schema does not declare would be lost: say so instead."""
    if props.keys() <= set(known):
        return
    unknown = sorted(set(props) - set(known))
    raise ValueError(
        f"{what} has properties the stores cannot hold: {', '.join(unknown)} "
        f"(declare them in graph/schema.py {where})"
    )
