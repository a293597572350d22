"""Choosing the part of the graph a person looks at: filters, search, a neighbourhood and a cap.

The app's Udforsk page narrows the graph with ``Filters`` (labels,
administrations, relation types, an "as of" date), finds nodes by name or
alias with ``search``, takes a node's ``neighbourhood`` and ``cap``s it, so a
browser never gets more nodes than it can draw quickly: the nodes nearest the
centre are kept, the rest are folded into one summary node per label and
administration. Plain data in, plain data out, so the CLI and tests use it too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from graph.analysis import administrations_of
from graph.model import Graph, Node, Relation
from graph.network import is_valid

#: Nodes a network view shows before the rest are grouped (the app lets a person raise it).
DEFAULT_NODE_LIMIT = 400
#: Group name for nodes that belong to no administration.
NO_ADMINISTRATION = "uden forvaltning"
#: Labels the explorer leaves out unless asked: documents are sources, not structure.
HIDDEN_LABELS = frozenset({"Document"})


@dataclass(frozen=True)
class Filters:
    """What to keep; ``None`` or empty keeps everything of that kind (but ``HIDDEN_LABELS``)."""

    labels: frozenset[str] | None = None
    #: Administration node ids: keep the nodes that belong to one of them and their direct neighbours.
    administrations: frozenset[str] = frozenset()
    relation_types: frozenset[str] | None = None
    #: ISO date: keep only the nodes and relations valid on that day.
    as_of: str | None = None


def filtered(graph: Graph, filters: Filters) -> Graph:
    """The part of ``graph`` that passes ``filters``; nodes and relations are shared, not copied."""
    nodes = {
        key: node for key, node in graph.nodes.items()
        if (node.label in filters.labels if filters.labels else node.label not in HIDDEN_LABELS)
        and node_valid(node, filters.as_of)
    }
    relations = {
        key: rel for key, rel in graph.relations.items()
        if rel.source in nodes and rel.target in nodes and is_valid(rel.props, filters.as_of)
        and (not filters.relation_types or rel.type in filters.relation_types)
    }
    if filters.administrations:
        belongs = {key for key, admins in administrations_of(graph).items() if admins & filters.administrations}
        kept = belongs & nodes.keys()
        for rel in relations.values():
            if rel.source in belongs or rel.target in belongs:
                kept |= {rel.source, rel.target}
        nodes = {key: node for key, node in nodes.items() if key in kept}
        relations = {key: rel for key, rel in relations.items() if rel.source in kept and rel.target in kept}
    return Graph(nodes=nodes, relations=relations)


def node_valid(node: Node, as_of: str | None) -> bool:
    """Valid on ``as_of``: within ``valid_from``/``valid_to``, and a decision only once it is taken."""
    if as_of is None:
        return True
    taken = node.label != "Decision" or not node.props.get("date") or node.props["date"] <= as_of
    return taken and is_valid(node.props, as_of)


def dates(graph: Graph) -> list[str]:
    """Every ISO date the graph states (validity, decisions, effective dates), sorted: the slider's range."""
    found = {value for item in [*graph.nodes.values(), *graph.relations.values()]
             for name, value in item.props.items() if name in {"valid_from", "valid_to", "date"}}
    return sorted(found)


def search(graph: Graph, text: str) -> list[Node]:
    """Nodes whose name or an alias contains ``text`` (case-folded): exact matches first, then by name."""
    wanted = text.strip().casefold()
    found = []
    for node in graph.nodes.values():
        forms = {form.casefold() for form in node.aliases | {node.name}}
        if any(wanted in form for form in forms):
            found.append(((wanted not in forms, node.name.casefold(), node.id), node))
    return [node for _, node in sorted(found, key=lambda pair: pair[0])]


def adjacency(graph: Graph) -> dict[str, list[tuple[Relation, str]]]:
    """Node id -> its relations and the node at their other end (both directions), built in one pass."""
    links: dict[str, list[tuple[Relation, str]]] = defaultdict(list)
    for rel in graph.relations.values():
        links[rel.source].append((rel, rel.target))
        if rel.target != rel.source:
            links[rel.target].append((rel, rel.source))
    return links


def neighbourhood(graph: Graph, centre: str, depth: int) -> dict[str, int]:
    """Node id -> number of relations from ``centre``, for the nodes within ``depth`` (breadth first)."""
    links = adjacency(graph)
    distance, frontier = {centre: 0}, [centre]
    for step in range(1, depth + 1):
        reached = []
        for key in frontier:
            for _, other in links.get(key, ()):
                if other not in distance:
                    distance[other] = step
                    reached.append(other)
        frontier = reached
    return distance


@dataclass
class SummaryNode:
    """Nodes left out of a capped view, folded into one by label and administration."""

    key: str
    label: str
    administration: str
    members: list[str] = field(default_factory=list)


@dataclass
class View:
    """What a network shows: nodes (with their distance from the centre), the relations among them,
    summary nodes for the rest and, per shown node and summary node, how many relations were folded."""

    nodes: dict[str, int]
    relations: list[Relation]
    summaries: list[SummaryNode]
    folded_links: dict[tuple[str, str], int]

    @property
    def hidden(self) -> int:
        return sum(len(s.members) for s in self.summaries)


def whole(graph: Graph) -> dict[str, int]:
    """Every node of ``graph`` at distance 0: a view without a centre."""
    return dict.fromkeys(graph.nodes, 0)


def cap(graph: Graph, distances: dict[str, int], limit: int = DEFAULT_NODE_LIMIT) -> View:
    """At most ``limit`` of the ``distances`` nodes, nearest first, then best linked, then by name.

    The rest become ``SummaryNode``s, one per label and administration, linked
    to the shown nodes they had relations with.
    """
    links = adjacency(graph)
    degree = {key: len(links.get(key, ())) for key in distances}
    ranked = sorted(distances, key=lambda key: (distances[key], -degree[key], graph.nodes[key].name, key))
    shown = {key: distances[key] for key in ranked[:limit]}
    rest = ranked[limit:]
    relations = [rel for rel in graph.relations.values() if rel.source in shown and rel.target in shown]
    if not rest:
        return View(shown, relations, [], {})
    speaks_for = administrations_of(graph)
    names = {key: node.name for key, node in graph.nodes.items() if node.label == "Administration"}
    summaries: dict[str, SummaryNode] = {}
    group_of = {}
    for key in rest:
        label = graph.nodes[key].label
        admin = min((names.get(a, a) for a in speaks_for.get(key, ())), default=NO_ADMINISTRATION)
        key_of_group = f"summary:{label}:{admin}"
        summary = summaries.setdefault(key_of_group, SummaryNode(key_of_group, label, admin))
        summary.members.append(key)
        group_of[key] = summary.key
    folded: dict[tuple[str, str], int] = defaultdict(int)
    for key, group in group_of.items():
        for _, other in links.get(key, ()):
            if other in shown:
                folded[other, group] += 1
    return View(shown, relations, sorted(summaries.values(), key=lambda s: (-len(s.members), s.key)), dict(folded))


def node_ids_in(values: Iterable[Any]) -> list[str]:
    """Ids of the nodes in query result values: node dicts and the nodes of paths, in order of first appearance."""
    found: dict[str, None] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict) and "nodes" in value and "relations" in value:
            for node in value["nodes"]:
                walk(node)
        elif isinstance(value, dict) and "label" in value and isinstance(value.get("id"), str):
            found.setdefault(value["id"], None)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for value in values:
        walk(value)
    return list(found)


def induced(graph: Graph, node_ids: Iterable[str]) -> Graph:
    """The nodes named (those the graph holds) and the relations among them."""
    nodes = {key: graph.nodes[key] for key in node_ids if key in graph.nodes}
    relations = {key: rel for key, rel in graph.relations.items() if rel.source in nodes and rel.target in nodes}
    return Graph(nodes=nodes, relations=relations)
