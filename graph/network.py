"""The graph as networkx, for graph algorithms the stores do not offer.

``to_networkx`` is the whole graph, one edge per relation; ``body_projection``
folds it into who-is-linked-to-whom among the bodies, the input of overlap and
broker analysis.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Mapping

import networkx as nx

from graph.model import Graph
from graph.schema import BODY_LABELS

#: Relations that link two bodies directly.
DIRECT_LINKS: frozenset[str] = frozenset({"INTERFACE", "MEMBER_OF", "PART_OF", "SERVES", "REPORTS_TO"})
#: Relations through which two bodies holding the same Initiative/Task are linked.
SHARED_LINKS: frozenset[str] = frozenset({"MANDATE", "PARTICIPATES_IN"})


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Every node and relation; edges are keyed by relation id.

    Node attributes: ``label``, ``name``, ``aliases`` (sorted list), ``props``
    (dict) and ``evidence`` (the number of evidence spans); edge attributes:
    ``type``, ``props`` and ``evidence`` likewise.
    """
    out = nx.MultiDiGraph()
    for key in sorted(graph.nodes):
        node = graph.nodes[key]
        out.add_node(
            key,
            label=node.label,
            name=node.name,
            aliases=sorted(node.aliases - {node.name}),
            props=dict(node.props),
            evidence=len(node.evidence),
        )
    for key in sorted(graph.relations):
        rel = graph.relations[key]
        out.add_edge(
            rel.source, rel.target, key=key,
            type=rel.type, props=dict(rel.props), evidence=len(rel.evidence),
        )
    return out


def body_projection(graph: Graph, as_of: str | None = None) -> nx.Graph:
    """Undirected graph of the bodies, linked by direct relations and shared mandates.

    Two bodies are linked once per direct relation between them (``DIRECT_LINKS``)
    and once per Initiative/Task on which both hold a mandate or take part.
    Edge ``weight`` is the number of links and ``via`` lists them: the relation
    type for a direct link, the shared object's id for a shared one. With
    ``as_of`` (ISO date) only nodes and relations valid on that day count.
    Links are gathered in plain dicts and added in one pass: linear in the
    relations (plus the pairs of holders of each shared object).
    """
    valid = {key for key, node in graph.nodes.items() if is_valid(node.props, as_of)}
    bodies = {key for key in valid if graph.nodes[key].label in BODY_LABELS}
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)
    for rel in graph.relations.values():
        if rel.source not in bodies or rel.source == rel.target or not is_valid(rel.props, as_of):
            continue
        if rel.type in DIRECT_LINKS and rel.target in bodies:
            links[_pair(rel.source, rel.target)].append(rel.type)
        elif rel.type in SHARED_LINKS and rel.target in valid:
            holders[rel.target].add(rel.source)
    for shared, holding in holders.items():
        for a, b in combinations(sorted(holding), 2):
            links[a, b].append(shared)
    projection = nx.Graph()
    projection.add_nodes_from(
        (key, {"label": graph.nodes[key].label, "name": graph.nodes[key].name}) for key in sorted(bodies)
    )
    projection.add_edges_from((a, b, {"weight": len(via), "via": via}) for (a, b), via in links.items())
    return projection


def is_valid(props: Mapping[str, str], as_of: str | None) -> bool:
    """Whether a node or relation with these properties holds on ``as_of`` (ISO date; None: always)."""
    if as_of is None:
        return True
    valid_from, valid_to = props.get("valid_from"), props.get("valid_to")
    return not (valid_from and valid_from > as_of) and not (valid_to and valid_to < as_of)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
