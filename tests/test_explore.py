"""What the explorer shows of Testby (tests/conftest.py): filters, search, neighbourhoods, capping,
result graphs and the network page with its click-to-see-evidence panel."""

from __future__ import annotations

import json
import re

from conftest import SERVES_QUOTE, town_graph

from graph.explore import (
    NO_ADMINISTRATION, Filters, cap, dates, filtered, induced, neighbourhood, node_ids_in, search, whole,
)
from graph.model import Graph
from graph.network_html import PHYSICS_LIMIT, network_html, node_details


def test_as_of_keeps_only_what_is_valid_that_day_and_decisions_already_taken():
    graph = town_graph()
    in_2020 = filtered(graph, Filters(as_of="2020-06-01"))
    assert "group:netvaerket" in in_2020.nodes          # valid to 2020-12-31
    assert "group:klimaforum" not in in_2020.nodes      # valid from 2022-01-01
    assert "decision:byraadet:2022-03-01" not in in_2020.nodes
    in_2023 = filtered(graph, Filters(as_of="2023-01-01"))
    assert "group:netvaerket" not in in_2023.nodes
    assert {"group:klimaforum", "decision:byraadet:2022-03-01"} <= in_2023.nodes.keys()
    expired = [r for r in graph.relations.values() if r.props.get("topic") == "skoler"]
    assert expired and expired[0].id not in in_2023.relations


def test_labels_and_relation_types_narrow_the_graph():
    graph = town_graph()
    groups = filtered(graph, Filters(labels=frozenset({"Group", "Person"}), relation_types=frozenset({"MEMBER_OF"})))
    assert {n.label for n in groups.nodes.values()} == {"Group", "Person"}
    assert {r.type for r in groups.relations.values()} == {"MEMBER_OF"}
    assert ("MEMBER_OF", "person:anna-holm", "group:klimaforum") in {
        (r.type, r.source, r.target) for r in groups.relations.values()}


def test_an_administration_filter_keeps_its_units_and_what_they_touch():
    graph = town_graph()
    tmf = filtered(graph, Filters(administrations=frozenset({"administration:teknik-og-miljoeforvaltningen"})))
    assert {"administration:teknik-og-miljoeforvaltningen", "unit:center-for-byggeri",
            "initiative:klimaplan-2025", "group:klimaforum"} <= tmf.nodes.keys()
    assert "unit:center-for-politik-og-hr" not in tmf.nodes   # ØKF's unit, not linked to TMF's bodies
    assert all(r.source in tmf.nodes and r.target in tmf.nodes for r in tmf.relations.values())


def test_documents_are_left_out_unless_asked_for(sample_graph):
    assert "document:kk-br-2005-10-13-punkt-15-txt" not in filtered(sample_graph, Filters()).nodes
    asked = filtered(sample_graph, Filters(labels=frozenset({"Document"})))
    assert list(asked.nodes) == ["document:kk-br-2005-10-13-punkt-15-txt"]


def test_search_finds_names_and_aliases_exact_match_first():
    graph = town_graph()
    graph.nodes["administration:oekonomiforvaltningen"].aliases.add("ØKF")
    assert [n.name for n in search(graph, "økf")] == ["Økonomiforvaltningen"]
    found = [n.name for n in search(graph, "klimaforum")]
    assert found == ["Klimaforum"]
    assert [n.name for n in search(graph, "KLIMA")][:1] == ["Klimadagsordenen"]


def test_the_neighbourhood_counts_relations_from_the_centre_in_both_directions():
    distances = neighbourhood(town_graph(), "group:implementeringsgruppen", 2)
    assert distances["group:implementeringsgruppen"] == 0
    assert distances["decision:byraadet:2022-03-01"] == 1      # it points at the group
    assert distances["task:borgerservice"] == 1
    assert distances["council:byraadet"] == 2
    assert distances["administration:oekonomiforvaltningen"] == 2
    assert max(distances.values()) == 2


def test_a_capped_view_keeps_the_nearest_and_groups_the_rest_by_label_and_administration():
    graph = town_graph()
    distances = neighbourhood(graph, "council:byraadet", 3)
    view = cap(graph, distances, limit=5)
    assert len(view.nodes) == 5 and view.nodes["council:byraadet"] == 0
    assert max(view.nodes.values()) <= min(d for k, d in distances.items() if k not in view.nodes)
    grouped = {key for summary in view.summaries for key in summary.members}
    assert grouped == distances.keys() - view.nodes.keys()
    assert view.hidden == len(distances) - 5
    units = next(s for s in view.summaries if "unit:center-for-byggeri" in s.members)
    assert (units.label, units.administration) == ("Unit", "Teknik- og Miljøforvaltningen")
    people = next(s for s in view.summaries if "person:anna-holm" in s.members)
    assert people.administration == NO_ADMINISTRATION
    assert all(a in view.nodes and b in view.nodes for a, b in ((r.source, r.target) for r in view.relations))
    assert all(shown in view.nodes for shown, _ in view.folded_links)


def test_an_uncapped_view_has_no_summaries():
    graph = town_graph()
    view = cap(graph, whole(graph), limit=len(graph.nodes))
    assert view.summaries == [] and len(view.nodes) == len(graph.nodes)
    assert len(view.relations) == len(graph.relations)


def test_dates_span_the_slider():
    found = dates(town_graph())
    assert found[0] == "2015-12-31" and found[-1] == "2023-01-01" and found == sorted(found)


def test_nodes_in_query_results_are_found_in_node_values_and_paths():
    node = {"id": "group:klimaforum", "label": "Group", "name": "Klimaforum"}
    path = {"nodes": [{"id": "unit:a", "label": "Unit"}, node], "relations": [{"type": "PART_OF"}]}
    assert node_ids_in(["Klimaforum", 3, node, path, [node]]) == ["group:klimaforum", "unit:a"]
    assert node_ids_in([{"type": "PART_OF", "id": "PART_OF|a|b|"}, "x"]) == []
    sub = induced(town_graph(), ["group:klimaforum", "task:klimadagsordenen", "unknown:id"])
    assert set(sub.nodes) == {"group:klimaforum", "task:klimadagsordenen"}
    assert [r.type for r in sub.relations.values()] == ["MANDATE"]


def test_node_details_carry_validity_and_every_evidence_quote_with_its_document():
    graph = town_graph()
    details = node_details(graph, "administration:oekonomiforvaltningen")
    serves = next(r for r in details["relations"] if r["type"] == "SERVES")
    assert serves["other"] == "Økonomiudvalget" and serves["direction"] == "out"
    assert serves["evidence"] == [{"document": "testby.txt", "start": 0, "end": len(SERVES_QUOTE),
                                   "quote": SERVES_QUOTE}]
    assert node_details(graph, "group:klimaforum")["props"] == {"valid_from": "2022-01-01"}


def _page_data(page: str) -> dict:
    return json.loads(re.search(r"var RESSORTGRAF_DETAILS = (\{.*?\});", page, re.S).group(1))


def test_the_network_page_is_offline_and_embeds_each_nodes_details_for_the_click_panel():
    graph = town_graph()
    graph.nodes["group:klimaforum"].name = "Klimaforum </script><b>"
    view = cap(graph, neighbourhood(graph, "group:klimaforum", 1), limit=3)
    page = network_html(graph, view, "group:klimaforum")
    assert "cdn.jsdelivr.net" not in page and "<script src=" not in page
    assert "</script><b>" not in page                     # names cannot break out of the script
    details = _page_data(page)
    assert details["group:klimaforum"]["name"] == "Klimaforum </script><b>"
    assert set(details) == set(view.nodes) | {s.key for s in view.summaries}
    assert 'network.on("click"' in page and 'id="details"' in page


def _star(size: int) -> Graph:
    nodes = [{"id": f"group:g{i}", "label": "Group", "name": f"Gruppe {i}"} for i in range(size)]
    relations = [{"type": "MEMBER_OF", "source": f"group:g{i}", "target": "group:g0"} for i in range(1, size)]
    return Graph.from_dict({"nodes": nodes, "relations": relations})


def test_small_views_are_laid_out_by_physics_and_large_ones_get_fixed_positions():
    small = _star(PHYSICS_LIMIT)
    page = network_html(small, cap(small, whole(small)))
    assert '"physics": {"enabled": true' in page and '"x":' not in page
    large = _star(PHYSICS_LIMIT + 1)
    page = network_html(large, cap(large, neighbourhood(large, "group:g0", 1)), "group:g0")
    assert '"physics": {"enabled": false}' in page
    assert len(re.findall(r'"x": -?[0-9.]+', page)) == PHYSICS_LIMIT + 1
