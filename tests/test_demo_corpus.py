"""Given the demo corpus ingested with the command line, the exported JSON says
what the foundation issue promises, each fact with evidence that is the
document's own text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("demo")
    store = str(work / "store")
    assert main(["ingest", str(CORPUS), "--store", store]) == 0
    out = work / "graph.json"
    assert main(["export", "--store", store, "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _node(graph: dict, label: str, name: str) -> dict:
    wanted = name.casefold()
    for node in graph["nodes"]:
        if node["label"] == label and wanted in {n.casefold() for n in [node["name"], *node["aliases"]]}:
            return node
    raise AssertionError(f"no {label} named {name!r}")


def _relations(graph: dict, type_: str, source: dict, target: dict) -> list[dict]:
    return [
        r for r in graph["relations"]
        if r["type"] == type_ and r["source"] == source["id"] and r["target"] == target["id"]
    ]


def _assert_evidence_is_document_text(item: dict) -> None:
    assert item["evidence"], f"{item.get('id', item.get('type'))} has no evidence"
    for ev in item["evidence"]:
        text = (CORPUS / ev["document"]).read_text(encoding="utf-8")
        assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_implementeringsgrupperne_dissolved_on_1_april_2024_by_the_council_decision_of_30_november_2023(exported):
    groups = _node(exported, "Group", "Implementeringsgrupperne")
    council = _node(exported, "Council", "Borgerrepræsentationen")
    decision = next(
        n for n in exported["nodes"]
        if n["label"] == "Decision" and n["date"] == "2023-11-30"
        and _relations(exported, "DECIDED_BY", n, council)
    )
    [dissolved] = _relations(exported, "DISSOLVED", decision, groups)
    assert dissolved["date"] == "2024-04-01"
    assert any("nedlægges pr. 1. april 2024" in ev["quote"] for ev in dissolved["evidence"])
    for item in (groups, decision, dissolved, *_relations(exported, "DECIDED_BY", decision, council)):
        _assert_evidence_is_document_text(item)


def test_oekonomiudvalget_decided_on_7_november_2017(exported):
    committee = _node(exported, "Committee", "Økonomiudvalget")
    decision = next(n for n in exported["nodes"] if n["label"] == "Decision" and n["date"] == "2017-11-07")
    [decided_by] = _relations(exported, "DECIDED_BY", decision, committee)
    assert "beslutning i mgdet den 7. november 2017" in decided_by["evidence"][0]["quote"]
    _assert_evidence_is_document_text(decision)
    _assert_evidence_is_document_text(decided_by)


def test_hr_kredsen_steers_frisaettelsesforsoeg_2_0(exported):
    circle = _node(exported, "Group", "HR-kredsen")
    trial = _node(exported, "Initiative", "Frisættelsesforsøg 2.0")
    [mandate] = _relations(exported, "MANDATE", circle, trial)
    assert mandate["role"] == "steering"
    assert any("styregruppe for" in ev["quote"] for ev in mandate["evidence"])
    _assert_evidence_is_document_text(mandate)


def test_every_fact_points_to_the_text_it_came_from(exported):
    for node in exported["nodes"]:
        if node["label"] != "Document":
            _assert_evidence_is_document_text(node)
    for relation in exported["relations"]:
        if relation.get("sources") and not relation["evidence"]:
            continue  # a registry fact: its public sources, no document evidence
        _assert_evidence_is_document_text(relation)


def test_registry_facts_carry_sources_and_no_document_evidence(exported):
    serves = [r for r in exported["relations"] if r["type"] == "SERVES"]
    assert serves, "the registry says which forvaltning serves which udvalg"
    for relation in serves:
        assert relation["sources"] and relation["evidence"] == []
