"""Network analysis on graphs whose brokers, communities and overlaps are known by construction."""

import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from graph.analysis import (
    administrations_of, analyse_overlaps, brokers, heatmap_svg, hot_spots, overlap_matrices, overlap_report_html,
)
from graph.cli import main
from graph.embedded import EmbeddedStore
from graph.model import Graph
from graph.network import body_projection
from graph.reporting import run_report

from conftest import town_graph

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "reports.py"


def build(nodes: dict[str, tuple[str, str]], relations: list[tuple[str, str, str]]) -> Graph:
    """A graph from {id: (label, name)} and (type, source, target) triples."""
    return Graph.from_dict({
        "nodes": [{"id": key, "label": label, "name": name, "evidence": []} for key, (label, name) in nodes.items()],
        "relations": [{"type": t, "source": s, "target": o, "evidence": []} for t, s, o in relations],
    })


def barbell() -> Graph:
    """Two cliques of four units joined only through Koordinationsgruppen, a member of neither."""
    left, right = [f"unit:a{i}" for i in range(1, 5)], [f"unit:b{i}" for i in range(1, 5)]
    nodes = {key: ("Unit", key.split(":")[1].upper()) for key in left + right}
    nodes["group:koordinationsgruppen"] = ("Group", "Koordinationsgruppen")
    relations = [("INTERFACE", a, b) for side in (left, right) for a, b in combinations(side, 2)]
    relations += [("MEMBER_OF", "unit:a1", "group:koordinationsgruppen"),
                  ("MEMBER_OF", "unit:b1", "group:koordinationsgruppen")]
    return build(nodes, relations)


def test_the_body_joining_two_cliques_is_the_top_broker_with_its_exact_betweenness():
    top = brokers(body_projection(barbell()), top=3, sample=None)
    # 16 of the 28 pairs of the other eight bodies pass through the group, 15 through A1 and B1
    assert top.to_dict("records") == [
        {"body": "Koordinationsgruppen", "label": "Group", "betweenness": round(16 / 28, 4), "links": 2},
        {"body": "A1", "label": "Unit", "betweenness": round(15 / 28, 4), "links": 4},
        {"body": "B1", "label": "Unit", "betweenness": round(15 / 28, 4), "links": 4},
    ]


def test_sampled_betweenness_is_exact_when_the_sample_covers_every_body_and_an_estimate_below():
    projection = body_projection(barbell())
    exact = brokers(projection, top=9, sample=None)
    assert brokers(projection, top=9, sample=9).equals(exact)
    estimate = brokers(projection, top=9, sample=4, seed=1)
    assert set(estimate["body"]) <= set(exact["body"]) and len(estimate) > 0


TOWN = {
    "administration:oekf": ("Administration", "Økonomiforvaltningen"),
    "administration:tmf": ("Administration", "Teknik- og Miljøforvaltningen"),
    "administration:kff": ("Administration", "Kultur- og Fritidsforvaltningen"),
    **{f"unit:a{i}": ("Unit", f"ØKF-enhed {i}") for i in range(1, 4)},
    **{f"unit:b{i}": ("Unit", f"TMF-enhed {i}") for i in range(1, 3)},
    **{f"unit:c{i}": ("Unit", f"KFF-enhed {i}") for i in range(1, 3)},
    "group:klimanetvaerket": ("Group", "Klimanetværket"),
}


def cross_cutting_town() -> Graph:
    """ØKF's units keep to themselves; TMF's and KFF's units meet in Klimanetværket and across."""
    relations = [("PART_OF", f"unit:a{i}", "administration:oekf") for i in range(1, 4)]
    relations += [("PART_OF", f"unit:b{i}", "administration:tmf") for i in range(1, 3)]
    relations += [("PART_OF", f"unit:c{i}", "administration:kff") for i in range(1, 3)]
    relations += [("INTERFACE", a, b) for a, b in combinations(["unit:a1", "unit:a2", "unit:a3"], 2)]
    mixed = ["unit:b1", "unit:b2", "unit:c1", "unit:c2"]
    relations += [("INTERFACE", a, b) for a, b in combinations(mixed, 2)]
    relations += [("MEMBER_OF", unit, "group:klimanetvaerket") for unit in mixed]
    relations += [("INTERFACE", "unit:a1", "unit:b1")]
    return build(TOWN, relations)


def test_a_community_across_administrations_is_a_hot_spot_named_by_its_members():
    graph = cross_cutting_town()
    spots = hot_spots(graph, body_projection(graph))
    assert spots[["hot_spot", "administrations", "spans"]].to_dict("records") == [{
        # TMF-enhed 1 has six links (one to ØKF's side); the KFF units five, before TMF-enhed 2 by name
        "hot_spot": "TMF-enhed 1 · KFF-enhed 1 · KFF-enhed 2",
        "administrations": 2,
        "spans": "Kultur- og Fritidsforvaltningen, Teknik- og Miljøforvaltningen",
    }]


def test_units_speak_for_their_administration_up_to_three_levels():
    graph = build(
        {"administration:x": ("Administration", "X"), **{f"unit:{i}": ("Unit", str(i)) for i in range(1, 5)}},
        [("PART_OF", "unit:1", "administration:x"), ("PART_OF", "unit:2", "unit:1"),
         ("PART_OF", "unit:3", "unit:2"), ("PART_OF", "unit:4", "unit:3")],
    )
    assert administrations_of(graph) == {key: {"administration:x"} for key in
                                          ("administration:x", "unit:1", "unit:2", "unit:3")}


@pytest.fixture(scope="module")
def town_store(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("town") / "store") as store:
        store.write_graph(town_graph())
        yield store


def test_overlap_matrices_agree_with_the_interface_density_report(town_store):
    matrices = overlap_matrices(town_graph(), "2024-06-01")
    names = ["Børne- og Ungdomsforvaltningen", "Teknik- og Miljøforvaltningen", "Økonomiforvaltningen"]
    assert list(matrices["total"].index) == names == list(matrices["total"].columns)
    from_matrices = sorted(
        [a, b, *(int(matrices[kind].loc[a, b]) for kind in ("interfaces", "shared_initiatives", "shared_groups",
                                                             "total"))]
        for a, b in combinations(names, 2) if matrices["total"].loc[a, b]
    )
    from_report = sorted(sorted(row[:2]) + row[2:] for row in run_report(town_store, "interface_density",
                                                                        as_of="2024-06-01").rows)
    assert from_matrices == from_report
    assert (matrices["total"] == matrices["total"].T).all().all()
    assert matrices["total"].loc["Økonomiforvaltningen", "Teknik- og Miljøforvaltningen"] == 5


def test_the_heat_map_is_inline_svg_with_a_cell_per_pair():
    matrices = overlap_matrices(town_graph(), "2024-06-01")
    svg = heatmap_svg(matrices["total"], "Overlap")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 9
    assert "<title>Økonomiforvaltningen × Teknik- og Miljøforvaltningen: 5</title>" in svg


def test_the_overlap_report_is_one_self_contained_page(town_store):
    analysis = analyse_overlaps(town_store, as_of="2024-06-01")
    page = overlap_report_html(analysis)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert not any(fetch in page for fetch in ("<script", "src=", "<link", "url("))
    for title in ("Brokers", "Interface hot spots", "Mandate overlap", "Duplicate fora", "Orphaned mandates"):
        assert f"<h2>{title}</h2>" in page
    assert "<td>Implementeringsgruppen</td>" in page  # an orphaned mandate
    assert f"<td>{analysis.brokers.iloc[0]['body']}</td>" in page


def test_the_page_says_whether_betweenness_was_counted_from_every_body_or_a_seeded_sample(town_store):
    small = analyse_overlaps(town_store, as_of="2024-06-01", sample=50)
    assert small.broker_sample is None  # the town has 14 bodies, fewer than the sample
    assert "counted from every body" in overlap_report_html(small)
    sampled = analyse_overlaps(town_store, as_of="2024-06-01", sample=3)
    assert sampled.broker_sample == 3
    assert "estimated from the shortest paths of 3 bodies drawn at random with a fixed seed" in (
        overlap_report_html(sampled))


def test_the_command_line_writes_the_overlap_report(town_store, tmp_path, capsys):
    output = tmp_path / "overlap.html"
    assert main(["analyse", "overlaps", "--store", str(town_store.folder), "--as-of", "2024-06-01",
                 "-o", str(output)]) == 0
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "3 administrations" in capsys.readouterr().out


def test_an_interface_of_a_unit_shared_by_two_administrations_links_all_three_once(tmp_path):
    graph = build(
        {**{f"administration:{key}": ("Administration", key.upper()) for key in "xyz"},
         "unit:shared": ("Unit", "Fælles enhed")},
        [("PART_OF", "unit:shared", "administration:x"), ("PART_OF", "unit:shared", "administration:y"),
         ("INTERFACE", "unit:shared", "administration:z")],
    )
    interfaces = overlap_matrices(graph)["interfaces"]
    assert interfaces.loc["X", "Y"] == interfaces.loc["X", "Z"] == interfaces.loc["Y", "Z"] == 1
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_graph(graph)
        assert sorted(row[:3] for row in run_report(store, "interface_density").rows) == [
            ["X", "Y", 1], ["X", "Z", 1], ["Y", "Z", 1]]


def test_the_report_benchmark_runs_end_to_end_on_a_small_graph():
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--nodes", "1500", "--relations", "6000"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert done.stdout.splitlines()[0].startswith("machine: ")
    for line in ("all reports", "network analysis", "baseline"):
        assert line in done.stdout
