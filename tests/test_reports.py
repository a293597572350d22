"""The report library on a town built in the test, whose answers are known by construction,
and on the sample corpus for the facts its documents state.

Testby: a council with three committees, three administrations (units two levels
deep in Økonomiforvaltningen), climate fora that duplicate each other, bodies
dissolved with and without a successor, and decisions that set things up and
close them down. With NEO4J_URI set, every report also runs on Neo4j and must
return the same rows.
"""

import json
import os
from pathlib import Path

import pytest

from graph.cli import main
from graph.embedded import EmbeddedStore
from graph.ingest import ingest
from graph.model import Graph
from graph.reporting import MissingParameter, cell_text, format_result, report_parameters, run_report
from graph.store import open_store
from queries import all_reports, load_report

from conftest import SERVES_QUOTE, town_graph

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("testby") / "store") as opened:
        opened.write_graph(town_graph())
        yield opened


def rows(store, report, **params):
    return run_report(store, report, params).rows


# ------------------------------------------------------------ 1. mandate overlap

def test_mandate_overlap_lists_every_holder_of_a_shared_subject_with_its_role(store):
    assert rows(store, "mandate_overlap", as_of="2024-06-01") == [
        ["Task", "Klimadagsordenen", 3, "Group", "Klimaforum", "advisory"],
        ["Task", "Klimadagsordenen", 3, "Group", "Styregruppen for klima", "steering"],
        ["Task", "Klimadagsordenen", 3, "Administration", "Teknik- og Miljøforvaltningen", "responsible"],
        ["Task", "HR-politik", 2, "Unit", "Center for Politik og HR", "secretariat"],
        ["Task", "HR-politik", 2, "Group", "HR-kredsen", "responsible"],
        ["Initiative", "Klimaplan 2025", 2, "Group", "Styregruppen for klima", "owner"],
        ["Initiative", "Klimaplan 2025", 2, "Administration", "Økonomiforvaltningen", "secretariat"],
    ]


def test_mandate_overlap_as_of_an_earlier_date_counts_the_bodies_valid_then(store):
    overlap = {(subject, body) for _, subject, _, _, body, _ in rows(store, "mandate_overlap", as_of="2020-06-01")}
    assert ("Borgerservice", "Implementeringsgruppen") in overlap  # dissolved 2022-06-30
    assert ("Klimaplan 2025", "Projektgruppen") in overlap  # ended 2021-12-31
    assert not any(body == "Klimaforum" for _, body in overlap)  # set up 2022-01-01


# ------------------------------------------------------------ 2. shared mandates

def test_shared_mandates_ranks_pairs_by_count_then_jaccard(store):
    assert rows(store, "shared_mandates", as_of="2024-06-01") == [
        ["Group", "HR-kredsen", "Unit", "Center for Politik og HR", 1, 1, 1, 1.0],
        ["Administration", "Teknik- og Miljøforvaltningen", "Group", "Klimaforum", 1, 1, 1, 1.0],
        ["Group", "Klimaforum", "Group", "Styregruppen for klima", 1, 1, 2, 0.5],
        ["Administration", "Teknik- og Miljøforvaltningen", "Group", "Styregruppen for klima", 1, 1, 2, 0.5],
        ["Administration", "Økonomiforvaltningen", "Group", "Styregruppen for klima", 1, 2, 2, 0.333],
    ]


# ------------------------------------------------------------ 3. interface density

def test_interface_density_counts_interfaces_initiatives_and_groups_with_units_rolled_up(store):
    assert rows(store, "interface_density", as_of="2024-06-01") == [
        # the direct interface and Sekretariatet–Center for Byggeri; Klimaplan 2025 once though
        # TMF and its unit both take part; Styregruppen and Klimaforum (Netværket has ended)
        ["Økonomiforvaltningen", "Teknik- og Miljøforvaltningen", 2, 1, 2, 5],
        ["Børne- og Ungdomsforvaltningen", "Teknik- og Miljøforvaltningen", 0, 1, 0, 1],
        # the interface ended in 2015; HR-kredsen through Center for Politik og HR
        ["Børne- og Ungdomsforvaltningen", "Økonomiforvaltningen", 0, 0, 1, 1],
    ]


# ------------------------------------------------------------ 4. duplicate fora

def test_duplicate_fora_finds_groups_with_strongly_overlapping_members_and_mandates(store):
    # 3 shared members and 1 shared mandate of 6 items together; HR-kredsen shares only Bo Dahl
    assert rows(store, "duplicate_fora", as_of="2024-06-01") == [["Klimaforum", "Styregruppen for klima", 3, 1, 0.667]]


def test_duplicate_fora_on_an_earlier_date_compare_the_fora_of_that_date(store):
    assert rows(store, "duplicate_fora", as_of="2020-06-01") == [["Netværket", "Styregruppen for klima", 3, 0, 0.5]]


# ------------------------------------------------------------ 5. orphaned mandates

def test_orphaned_mandates_are_those_of_dissolved_bodies_without_a_successor(store):
    # Projektgruppen ended too, but Klimaforum replaced it
    assert rows(store, "orphaned_mandates", as_of="2024-06-01") == [
        ["Group", "Implementeringsgruppen", "2022-06-30", "execution", "Task", "Borgerservice", 1],
        ["Group", "Arbejdsgruppen for skoler", "2023-01-01", "responsible", "Task", "Skolestruktur", 0],
    ]


def test_a_body_dissolved_after_as_of_leaves_no_orphan_yet(store):
    assert [row[1] for row in rows(store, "orphaned_mandates", as_of="2022-12-01")] == ["Implementeringsgruppen"]


# ------------------------------------------------------------ 6. timeline

def test_timeline_lists_establishments_and_dissolutions_with_decision_and_decider(store):
    assert rows(store, "timeline") == [
        ["2019-01-01", "ESTABLISHED", "Group", "Styregruppen for klima", None, None, "Økonomiudvalget"],
        ["2022-01-01", "ESTABLISHED", "Group", "Klimaforum",
         "Økonomiudvalgets beslutning 15. november 2021", "2021-11-15", "Økonomiudvalget"],
        # no effective date stated: the decision's date
        ["2022-03-01", "ESTABLISHED", "Initiative", "Frisættelsesforsøg",
         "Byrådets beslutning 1. marts 2022", "2022-03-01", "Byrådet"],
        ["2022-06-30", "DISSOLVED", "Group", "Implementeringsgruppen",
         "Byrådets beslutning 1. marts 2022", "2022-03-01", "Byrådet"],
        ["2023-01-01", "DISSOLVED", "Group", "Arbejdsgruppen for skoler",
         "Økonomiudvalgets beslutning 15. november 2021", "2021-11-15", "Økonomiudvalget"],
    ]


# ------------------------------------------------------------ 7. reporting chains

def test_reporting_chains_climb_from_every_body_to_the_council(store):
    chains = {}
    for _, body, step, _, above in rows(store, "reporting_chains"):
        chains.setdefault(body, []).append((step, above))
    administrations = [("Økonomiforvaltningen", "Økonomiudvalget"), ("Teknik- og Miljøforvaltningen",
                       "Teknik- og Miljøudvalget"), ("Børne- og Ungdomsforvaltningen", "Børne- og Ungdomsudvalget")]
    assert chains == {
        "Sekretariatet": [(1, "Center for Politik og HR"), (2, "Økonomiforvaltningen"), (3, "Økonomiudvalget"),
                          (4, "Byrådet")],
        "Center for Politik og HR": [(1, "Økonomiforvaltningen"), (2, "Økonomiudvalget"), (3, "Byrådet")],
        "Center for Byggeri": [(1, "Teknik- og Miljøforvaltningen"), (2, "Teknik- og Miljøudvalget"), (3, "Byrådet")],
        "Styregruppen for klima": [(1, "Økonomiudvalget"), (2, "Byrådet")],
        **{admin: [(1, committee), (2, "Byrådet")] for admin, committee in administrations},
        **{committee: [(1, "Byrådet")] for _, committee in administrations},
    }


def test_a_path_a_query_returns_reads_as_its_chain_of_names(store):
    [[path]] = store.query(
        "MATCH p = (:Unit {name: 'Sekretariatet'})-[:PART_OF*2..2]->(:Administration) RETURN p").rows
    assert cell_text(path) == "Sekretariatet –PART_OF→ Center for Politik og HR –PART_OF→ Økonomiforvaltningen"


# ------------------------------------------------------------ 8. profile

def test_profile_of_a_body_by_alias_gives_parent_mandates_members_and_interfaces_with_evidence(store):
    profile = [row[2:8] for row in rows(store, "body_profile", name="ØKF")]
    assert profile == [
        ["interface", "INTERFACE", "skoler", "Administration", "Børne- og Ungdomsforvaltningen", None],
        ["interface", "INTERFACE", "klima", "Administration", "Teknik- og Miljøforvaltningen", None],
        ["mandate", "MANDATE", "secretariat", "Initiative", "Klimaplan 2025", None],
        ["mandate", "MANDATE", "responsible", "Task", "Borgerservice", None],
        ["member of", "MEMBER_OF", None, "Group", "Klimaforum", None],
        ["member of", "MEMBER_OF", None, "Group", "Netværket", None],
        ["member of", "MEMBER_OF", None, "Group", "Styregruppen for klima", None],
        ["part", "PART_OF", None, "Unit", "Center for Politik og HR", None],
        ["serves", "SERVES", None, "Committee", "Økonomiudvalget", None],
    ]
    [serves] = [row for row in rows(store, "body_profile", name="ØKF") if row[2] == "serves"]
    assert [e["quote"] for e in json.loads(serves[8])] == [SERVES_QUOTE]


def test_profile_of_a_dissolved_group_shows_the_decision_and_its_date(store):
    assert [row[2:8] for row in rows(store, "body_profile", name="Arbejdsgruppen for skoler")] == [
        ["decision", "DISSOLVED", None, "Decision", "Økonomiudvalgets beslutning 15. november 2021", "2023-01-01"],
        ["mandate", "MANDATE", "responsible", "Task", "Skolestruktur", None],
    ]


# ------------------------------------------------------------ running and formatting

def test_reports_that_take_a_date_default_to_today_and_others_need_their_parameters(store):
    assert report_parameters(load_report("mandate_overlap")) == ["as_of"]
    assert report_parameters(load_report("timeline")) == []
    assert run_report(store, "mandate_overlap").rows  # today: Klimadagsordenen still has three holders
    with pytest.raises(MissingParameter, match="name="):
        run_report(store, "body_profile")
    with pytest.raises(ValueError):
        run_report(store, "mandate_overlap", as_of="1. april 2024")


def test_every_format_writes_the_rows(store):
    result = run_report(store, "duplicate_fora", {"as_of": "2024-06-01"})
    assert format_result(result, "md").splitlines()[2] == "| Klimaforum | Styregruppen for klima | 3 | 1 | 0.667 |"
    assert format_result(result, "csv").splitlines()[1] == "Klimaforum,Styregruppen for klima,3,1,0.667"
    assert json.loads(format_result(result, "json"))[0]["jaccard"] == 0.667
    assert format_result(result, "table").splitlines()[-1] == "(1 rows)"
    page = format_result(result, "html", title="Duplicate fora")
    assert page.startswith("<!DOCTYPE html>") and "<td>Styregruppen for klima</td>" in page
    assert "http" not in page  # self-contained: nothing to fetch


def test_the_command_line_runs_a_report_as_of_a_date_in_markdown(store, capsys):
    assert main(["report", "orphaned_mandates", "--store", str(store.folder), "--as-of", "2022-12-01",
                 "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Orphaned mandates")
    assert "| Group | Implementeringsgruppen | 2022-06-30 | execution | Task | Borgerservice | 1 |" in out
    assert main(["report", "body_profile", "--store", str(store.folder)]) == 2
    assert "needs --param name=" in capsys.readouterr().err


# ------------------------------------------------------------ Neo4j

@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to compare with")
def test_every_report_returns_the_same_rows_on_neo4j(store):
    params = {"as_of": "2024-06-01", "name": "ØKF"}
    with open_store(os.environ["NEO4J_URI"]) as neo4j:
        neo4j.write_graph(town_graph())
        try:
            for report in all_reports():
                used = {k: v for k, v in params.items() if k in report_parameters(report)}
                on_neo4j = neo4j.query(report.cypher, used)
                assert on_neo4j == store.query(report.cypher, used), report.name
                assert on_neo4j.rows, f"{report.name} returns no rows on Testby"
        finally:
            neo4j.write_graph(Graph())


# ------------------------------------------------------------ the sample corpus

@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("corpus") / "store")) as opened:
        ingest([CORPUS], opened)
        yield opened


def test_the_corpus_profile_of_frisaettelsesforsoeg_2_0_names_each_administration_and_its_model(corpus_store):
    participants = {
        row[6]: row[4] for row in rows(corpus_store, "body_profile", name="Frisættelsesforsøg 2.0")
        if row[2] == "participant"
    }
    abbreviations = {
        "Børne- og Ungdomsforvaltningen": "BUF", "Sundheds- og Omsorgsforvaltningen": "SUF",
        "Teknik- og Miljøforvaltningen": "TMF", "Beskæftigelses-, Integrations- og Erhvervsforvaltningen": "BIF",
        "Kultur- og Fritidsforvaltningen": "KFF", "Socialforvaltningen": "SOF",
    }
    assert {abbreviations[name]: model for name, model in participants.items()} == {
        "BUF": "a", "SUF": "a", "TMF": "a", "BIF": "b", "KFF": "b", "SOF": "b",
    }


def test_the_corpus_administrations_in_frisaettelsesforsoeg_2_0_meet_pairwise(corpus_store):
    density = rows(corpus_store, "interface_density", as_of="2024-06-01")
    assert len(density) == 15  # every pair of the six shares the trial
    assert all(shared_initiatives >= 1 for _, _, _, shared_initiatives, _, _ in density)


def test_the_corpus_timeline_states_the_trial_and_the_end_of_the_implementation_groups(corpus_store):
    assert [row[:4] + [row[6]] for row in rows(corpus_store, "timeline")] == [
        ["2018-01-01", "ESTABLISHED", "Initiative", "Frisættelsesforsøg 2.0", "Økonomiudvalget"],
        ["2024-04-01", "DISSOLVED", "Group", "Implementeringsgrupperne", "Borgerrepræsentationen"],
    ]
