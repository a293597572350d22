"""Where mandates overlap and interfaces concentrate, as network analysis.

Three views the Cypher reports cannot give: brokers (betweenness on the
body-to-body projection of ``graph.network``), communities set against the
formal division into administrations (a community that spans several
administrations is an interface hot spot), and administration × administration
overlap matrices as data frames. ``analyse_overlaps`` gathers them with the
overlap reports and ``overlap_report_html`` writes the one page an analyst
opens in a browser.
"""

from __future__ import annotations

import datetime
import html
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import graspologic_native
import networkx as nx
import pandas as pd

from graph.model import Graph
from graph.network import DIRECT_LINKS, SHARED_LINKS, body_projection, is_valid
from graph.reporting import cell_text, html_page, html_table, run_report
from graph.store import QueryResult, Store
from queries import load_report

#: How far up PART_OF a unit still speaks for its administration (as in queries/interface_density.cypher).
PART_OF_LEVELS = 3
#: The overlap matrices, each counted per pair of administrations as the interface_density report counts them.
MATRIX_KINDS: tuple[str, ...] = ("interfaces", "shared_initiatives", "shared_groups")
#: Sources betweenness is estimated from on larger body networks (seeded): at 27,000 bodies and 580,000 links
#: each source costs about 0.65 s on one core, so 10 keep the whole analysis near the 30 s goal.
BROKER_SAMPLE = 10
#: The relations the analysis looks at: those of the body projection (the matrices' and PART_OF are among them).
ANALYSED_RELATIONS: frozenset[str] = DIRECT_LINKS | SHARED_LINKS
#: The reports the HTML page shows beside the network views.
REPORTS_SHOWN: tuple[str, ...] = (
    "interface_density", "mandate_overlap", "shared_mandates", "duplicate_fora", "orphaned_mandates",
)


@dataclass
class OverlapAnalysis:
    """Everything ``overlap_report_html`` shows, as data."""

    as_of: str
    matrices: dict[str, pd.DataFrame]
    brokers: pd.DataFrame
    hot_spots: pd.DataFrame
    reports: dict[str, QueryResult]
    bodies: int
    links: int
    broker_sample: int | None = BROKER_SAMPLE

    def summary(self) -> str:
        return (
            f"{len(self.matrices['total'])} administrations, {self.bodies} bodies, {self.links} links, "
            f"{len(self.hot_spots)} hot spots on {self.as_of}"
        )


def administrations_of(graph: Graph, levels: int = PART_OF_LEVELS) -> dict[str, set[str]]:
    """Node id -> the administrations it speaks for: itself, or those it is PART_OF within ``levels`` steps.

    Walked down from the administrations (a few hundred) rather than up from every node.
    """
    parts: dict[str, set[str]] = defaultdict(set)
    for relation in graph.relations.values():
        if relation.type == "PART_OF":
            parts[relation.target].add(relation.source)
    found: dict[str, set[str]] = defaultdict(set)
    for key, node in graph.nodes.items():
        if node.label != "Administration":
            continue
        frontier = {key}
        for _ in range(levels + 1):
            for reached in frontier:
                found[reached].add(key)
            frontier = {part for k in frontier for part in parts.get(k, ())}
    return dict(found)


def overlap_matrices(graph: Graph, as_of: str | None = None) -> dict[str, pd.DataFrame]:
    """Administration × administration counts of ``MATRIX_KINDS`` and their ``total``, valid on ``as_of``.

    Each interface relation, initiative and group is a touch point of the
    administrations its holders speak for (an interface: those of either end);
    two administrations meet once per touch point they share, as the
    interface_density report counts. Symmetric, zero on the diagonal, rows and
    columns the administrations valid on ``as_of`` by name: ready for a heat map.
    """
    valid_admins = {
        key for key, node in graph.nodes.items() if node.label == "Administration" and is_valid(node.props, as_of)
    }
    speaks_for = {key: admins & valid_admins for key, admins in administrations_of(graph).items()}
    touch_points: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in MATRIX_KINDS}
    for relation in graph.relations.values():
        if not is_valid(relation.props, as_of) or relation.source not in speaks_for:
            continue
        target = graph.nodes[relation.target]
        if relation.type == "INTERFACE":
            ends = speaks_for[relation.source] | speaks_for.get(relation.target, set())
            touch_points["interfaces"][relation.id] |= ends
        elif not is_valid(target.props, as_of):
            continue
        elif relation.type in {"PARTICIPATES_IN", "MANDATE"} and target.label == "Initiative":
            touch_points["shared_initiatives"][target.id] |= speaks_for[relation.source]
        elif relation.type == "MEMBER_OF" and target.label == "Group":
            touch_points["shared_groups"][target.id] |= speaks_for[relation.source]
    counts = {kind: defaultdict(int) for kind in MATRIX_KINDS}
    for kind, by_point in touch_points.items():
        for admins in by_point.values():
            for pair in combinations(sorted(admins), 2):
                counts[kind][pair] += 1

    names = _display_names(graph, valid_admins)
    order = sorted(valid_admins, key=lambda key: names[key])
    labels = [names[key] for key in order]
    position = {key: i for i, key in enumerate(order)}
    matrices = {}
    for kind in MATRIX_KINDS:
        cells = [[0] * len(order) for _ in order]
        for (a, b), count in counts[kind].items():
            cells[position[a]][position[b]] = cells[position[b]][position[a]] = count
        matrices[kind] = pd.DataFrame(cells, index=labels, columns=labels, dtype="int64")
    matrices["total"] = sum(matrices[kind] for kind in MATRIX_KINDS)
    return matrices


def brokers(projection: nx.Graph, top: int = 10, sample: int | None = BROKER_SAMPLE, seed: int = 0) -> pd.DataFrame:
    """The bodies that most often lie on shortest paths between others (betweenness, normalised).

    On more than ``sample`` bodies the paths are counted from ``sample``
    sources drawn with ``seed`` (Brandes' estimate; ``BROKER_SAMPLE`` = 10 by
    default), which keeps large graphs fast; ``None`` counts from every body.
    Ties between two bodies count once whatever their weight: a path is as
    long as the number of bodies it passes.
    """
    k = sample if sample is not None and projection.number_of_nodes() > sample else None
    scores = nx.betweenness_centrality(projection, k=k, seed=seed)
    ranked = sorted(
        (key for key, score in scores.items() if score > 0),
        key=lambda key: (-scores[key], projection.nodes[key]["name"], key),
    )[:top]
    return pd.DataFrame(
        [
            {"body": projection.nodes[key]["name"], "label": projection.nodes[key]["label"],
             "betweenness": round(scores[key], 4), "links": projection.degree(key)}
            for key in ranked
        ],
        columns=["body", "label", "betweenness", "links"],
    )


def hot_spots(graph: Graph, projection: nx.Graph, seed: int = 0, top: int = 10) -> pd.DataFrame:
    """Leiden communities of the projection that span more than one administration, widest first.

    A community is named by its three most linked members; ``administrations``
    lists those its bodies belong to (a unit counts for its administration,
    bodies outside any administration count for none).
    """
    communities = leiden_communities(projection, seed=seed)
    speaks_for = administrations_of(graph)
    degree = dict(projection.degree(weight="weight"))
    rows = []
    for community in communities:
        admins = {a for key in community for a in speaks_for.get(key, ())}
        if len(admins) < 2:
            continue
        members = sorted(community, key=lambda key: (-degree[key], projection.nodes[key]["name"], key))
        names = [projection.nodes[key]["name"] for key in members]
        rows.append({
            "hot_spot": " · ".join(names[:3]),
            "administrations": len(admins),
            "bodies": len(community),
            "spans": ", ".join(sorted(graph.nodes[a].name for a in admins)),
            "members": ", ".join(names[:8]) + (" …" if len(names) > 8 else ""),
        })
    rows.sort(key=lambda row: (-row["administrations"], -row["bodies"], row["hot_spot"]))
    return pd.DataFrame(rows[:top], columns=["hot_spot", "administrations", "bodies", "spans", "members"])


def leiden_communities(projection: nx.Graph, seed: int = 0) -> list[set[str]]:
    """Communities by modularity (Leiden, seeded), as sets of node keys; bodies without links are left out.

    graspologic-native's compiled Leiden finds partitions as good as networkx's
    Louvain (same modularity on the benchmark's 27,000 bodies) in a tenth of the time.
    """
    edges = sorted((a, b, float(data.get("weight", 1))) for a, b, data in projection.edges(data=True))
    if not edges:
        return []
    _, partition = graspologic_native.leiden(edges=edges, seed=seed, trials=1)
    communities: dict[int, set[str]] = defaultdict(set)
    for key, community in partition.items():
        communities[community].add(key)
    return sorted(communities.values(), key=lambda members: (-len(members), min(members)))


def analyse_overlaps(
    store: Store, as_of: str | None = None, top: int = 10, sample: int | None = BROKER_SAMPLE, seed: int = 0
) -> OverlapAnalysis:
    """Matrices, brokers and hot spots of the stored graph on ``as_of`` (default today), with the overlap reports."""
    as_of = as_of or datetime.date.today().isoformat()
    datetime.date.fromisoformat(as_of)
    graph = store.read_graph(provenance=False, relation_types=ANALYSED_RELATIONS)
    projection = body_projection(graph, as_of)
    return OverlapAnalysis(
        as_of=as_of,
        matrices=overlap_matrices(graph, as_of),
        brokers=brokers(projection, top=top, sample=sample, seed=seed),
        hot_spots=hot_spots(graph, projection, seed=seed, top=top),
        reports={name: run_report(store, name, as_of=as_of) for name in REPORTS_SHOWN},
        bodies=projection.number_of_nodes(),
        links=projection.number_of_edges(),
        broker_sample=sample if sample is not None and projection.number_of_nodes() > sample else None,
    )


def heatmap_svg(matrix: pd.DataFrame, title: str, limit: int = 30) -> str:
    """The matrix as an inline SVG heat map (no library, no network), the ``limit`` busiest rows and columns.

    Darker is more; each cell shows its count and names its pair on hover.
    """
    busiest = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index[:limit]
    matrix = matrix.loc[sorted(busiest), sorted(busiest)]
    names = [str(name) for name in matrix.index]
    cell, char = 26, 6.6
    left = int(max((len(n) for n in names), default=0) * char) + 12
    top = int(max((len(n) for n in names), default=0) * char * 0.72) + 40
    width, height = left + cell * len(names) + 10, top + cell * len(names) + 10
    highest = max(int(matrix.to_numpy().max()) if len(names) else 0, 1)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
        f"aria-label='{html.escape(title)}'>",
        f"<text x='0' y='16' font-size='14' font-weight='bold'>{html.escape(title)}</text>",
    ]
    for i, name in enumerate(names):
        y = top + i * cell + cell * 0.65
        parts.append(f"<text x='{left - 6}' y='{y:.1f}' font-size='11' text-anchor='end'>{html.escape(name)}</text>")
        x = left + i * cell + cell * 0.6
        parts.append(
            f"<text x='{x:.1f}' y='{top - 6}' font-size='11' transform='rotate(-45 {x:.1f} {top - 6})'>"
            f"{html.escape(name)}</text>"
        )
    for i, row_name in enumerate(names):
        for j, column_name in enumerate(names):
            value = int(matrix.iat[i, j])
            share = value / highest
            fill = _blend((247, 251, 255), (8, 48, 107), share)
            x, y = left + j * cell, top + i * cell
            parts.append(
                f"<rect x='{x}' y='{y}' width='{cell - 1}' height='{cell - 1}' fill='{fill}'>"
                f"<title>{html.escape(row_name)} × {html.escape(column_name)}: {value}</title></rect>"
            )
            if value:
                colour = "#fff" if share > 0.5 else "#222"
                parts.append(
                    f"<text x='{x + cell / 2 - 0.5:.1f}' y='{y + cell * 0.65:.1f}' font-size='10' "
                    f"text-anchor='middle' fill='{colour}'>{value}</text>"
                )
    parts.append("</svg>")
    return "".join(parts)


def overlap_report_html(analysis: OverlapAnalysis, rows_per_table: int = 50) -> str:
    """One self-contained HTML page: heat map, brokers, hot spots and the overlap reports."""
    total = analysis.matrices["total"]
    sections = [
        f"<p>{html.escape(analysis.summary())}. Overlap between two administrations counts stated interfaces, "
        "initiatives both take part in or hold a mandate on, and groups both are members of; a unit counts "
        "for its administration.</p>",
        "<h2>Overlap between administrations</h2>",
        heatmap_svg(total, f"Overlap on {analysis.as_of} (interfaces + shared initiatives + shared groups)")
        if len(total) else "<p>No administrations are valid on this date.</p>",
        "<h2>Brokers</h2><p>Bodies that most often lie on the shortest way between two others "
        f"(betweenness on the body network; {_broker_basis(analysis.broker_sample)}).</p>",
        _frame_table(analysis.brokers),
        "<h2>Interface hot spots</h2><p>Communities of closely linked bodies (Leiden) that cut across "
        "administrations, named by their most linked members.</p>",
        _frame_table(analysis.hot_spots),
    ]
    for name, result in analysis.reports.items():
        report = load_report(name)
        shown = result.rows[:rows_per_table]
        note = f" (first {len(shown)} of {len(result.rows)} rows)" if len(result.rows) > len(shown) else ""
        cells = [[cell_text(v, c) for v, c in zip(row, result.columns)] for row in shown]
        sections += [
            f"<h2>{html.escape(report.title)}</h2><p>{html.escape(report.answers)}{note}</p>",
            html_table(result.columns, cells) if cells else "<p>None.</p>",
        ]
    return html_page(f"Ressortgraf: overlap analysis on {analysis.as_of}", "".join(sections))


def _broker_basis(sample: int | None) -> str:
    if sample is None:
        return "counted from every body"
    return f"estimated from the shortest paths of {sample} bodies drawn at random with a fixed seed"


def _frame_table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "<p>None.</p>"
    return html_table(list(frame.columns), [[cell_text(v) for v in row] for row in frame.itertuples(index=False)])


def _display_names(graph: Graph, keys: set[str]) -> dict[str, str]:
    """Node name, with the id added where two nodes share a name (they would collide as matrix labels)."""
    seen: dict[str, int] = defaultdict(int)
    for key in keys:
        seen[graph.nodes[key].name] += 1
    return {key: graph.nodes[key].name if seen[graph.nodes[key].name] == 1 else f"{graph.nodes[key].name} ({key})"
            for key in keys}


def _blend(low: tuple[int, int, int], high: tuple[int, int, int], share: float) -> str:
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high))
