"""The app, driven by Streamlit's AppTest: given the demo corpus (or Testby) in a store,
each page shows what the store holds and does what its buttons say."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import town_graph
from streamlit.testing.v1 import AppTest

from graph.ingest import ingest
from graph.store import open_store
from queries import load_report

REPO = Path(__file__).resolve().parent.parent
DISSOLUTION = "Implementeringsgrupperne nedlægges pr. 1. april 2024"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("app") / "store")
    with open_store(path) as store:
        ingest([REPO / "data" / "corpus"], store)
    return path


@pytest.fixture(scope="module")
def town_store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("town") / "store")
    with open_store(path) as store:
        store.write_graph(town_graph())
    return path


def _app(store_path: str, monkeypatch, page: str = "Overblik") -> AppTest:
    monkeypatch.setenv("RESSORTGRAF_STORE", store_path)
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.run()
    assert not app.exception
    if page != "Overblik":
        app.radio(key="page").set_value(page).run()
        assert not app.exception
    return app


def _iframes(app: AppTest) -> list:
    return list(app.get("iframe"))


# --- Overblik ---


def test_overview_counts_nodes_and_lists_the_latest_decisions_first(store_path, monkeypatch):
    app = _app(store_path, monkeypatch)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Dokumenter"] == "5"
    with open_store(store_path) as store:
        total = store.query("MATCH (n) WHERE n.label <> 'Document' RETURN count(n)").rows[0][0]
    assert metrics["Knuder"] == str(total)
    decisions = app.dataframe[0].value
    assert "Borgerrepræsentationens beslutning 30. november 2023" in set(decisions["beslutning"])
    assert list(decisions["dato"]) == sorted(decisions["dato"], reverse=True)


def test_overview_timeline_shows_the_dissolution_with_its_date(store_path, monkeypatch):
    app = _app(store_path, monkeypatch)
    timeline = app.dataframe[1].value
    row = timeline[timeline["hvad"] == "Implementeringsgrupperne"].iloc[0]
    assert (row["dato"], row["hændelse"]) == ("2024-04-01", "Nedlagt")
    assert "Oprettet" in set(timeline["hændelse"])


# --- Udforsk ---


def test_explore_shows_a_bodys_aliases_validity_and_evidence(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Udforsk")
    app.text_input(key="search").input("Implementeringsgrupperne").run()
    assert not app.exception
    texts = [m.value for m in app.markdown]
    assert "### Implementeringsgrupperne" in texts
    assert "Gyldighed: gyldig til 2024-04-01" in texts
    assert any(t.startswith("> implementeringsgrupper") and "000_dfd42f02837eddd6.txt" in t for t in texts)
    relations = app.dataframe[0].value
    dissolved = relations[relations["relation"] == "DISSOLVED"]
    assert dissolved["belæg"].str.contains(DISSOLUTION).any()
    assert app.main.caption[0].value.startswith("Viser 2 knuder og 1 relationer")
    assert len(_iframes(app)) == 1


def test_explore_depth_widens_the_neighbourhood(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Udforsk")
    app.text_input(key="search").input("Implementeringsgrupperne").run()
    one_step = _shown_counts(app)
    app.slider(key="depth").set_value(2).run()
    nodes, relations = _shown_counts(app)
    assert nodes > one_step[0] and relations > one_step[1]


def _shown_counts(app) -> tuple[int, int]:
    """(nodes, relations) from the caption "Viser N knuder og M relationer"."""
    words = app.main.caption[0].value.split()
    return int(words[1]), int(words[4])


def test_explore_as_of_hides_what_was_dissolved_before_that_day(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Udforsk")
    app.toggle(key="use_as_of").set_value(True).run()
    app.slider(key="as_of").set_value(datetime.date(2025, 1, 1)).run()
    app.text_input(key="search").input("Implementeringsgrupperne").run()
    assert [i.value for i in app.info] == ["Ingen knuder matcher søgningen."]
    app.slider(key="as_of").set_value(datetime.date(2024, 1, 1)).run()
    assert "### Implementeringsgrupperne" in [m.value for m in app.markdown]


def test_explore_label_filter_leaves_other_kinds_out(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Udforsk")
    app.multiselect(key="labels").set_value(["Committee"]).run()
    labels = {option.rsplit("(", 1)[1] for option in app.selectbox[0].options[1:]}
    assert labels == {"Udvalg)"}
    app.text_input(key="search").input("Implementeringsgrupperne").run()
    assert [i.value for i in app.info] == ["Ingen knuder matcher søgningen."]


def test_explore_opens_a_node_from_the_address(store_path, monkeypatch):
    monkeypatch.setenv("RESSORTGRAF_STORE", store_path)
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    app.query_params.update({"side": "Udforsk", "knude": "group:implementeringsgruppe"})
    app.run()
    assert "### Implementeringsgrupperne" in [m.value for m in app.markdown]


# --- Overlap ---


def test_overlap_shows_the_matrix_and_every_overlap_report_with_a_csv_download(town_store, monkeypatch):
    app = _app(town_store, monkeypatch, "Overlap")
    app.date_input(key="overlap_as_of").set_value(datetime.date(2024, 6, 1)).run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 1
    downloads = [button.label for button in app.get("download_button")]
    assert downloads == ["Hent matricen som CSV"] + ["Hent som CSV"] * 5
    headings = [m.value for m in app.markdown if m.value.startswith("#### ")]
    assert headings == ["#### Snitflader mellem forvaltninger", "#### Overlappende mandater", "#### Delte mandater",
                        "#### Dobbelte fora", "#### Forældreløse mandater"]
    overlap = app.dataframe[1].value
    assert set(overlap[overlap["subject"] == "Klimadagsordenen"]["body"]) == {
        "Styregruppen for klima", "Klimaforum", "Teknik- og Miljøforvaltningen"}


def test_overlap_without_administrations_says_so(monkeypatch, tmp_path):
    empty = str(tmp_path / "empty")
    open_store(empty).close()
    app = _app(empty, monkeypatch, "Overlap")
    assert "Ingen forvaltninger er gyldige på datoen." in [i.value for i in app.info]


# --- Cypher ---


def test_cypher_console_refuses_a_write_in_danish(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Cypher")
    app.text_area(key="cypher").input("MATCH (n) DETACH DELETE n").run()
    app.button(key="run_query").click().run()
    [error] = app.error
    assert error.value.startswith("Afvist: konsollen kan kun læse. DETACH DELETE ville ændre grafen")
    with open_store(store_path) as store:
        assert store.query("MATCH (n) RETURN count(n)").rows[0][0] > 0


def test_cypher_presets_fill_the_console_and_ask_for_their_parameters(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Cypher")
    app.selectbox(key="preset").set_value("timeline").run()
    assert app.text_area(key="cypher").value == load_report("timeline").cypher
    app.button(key="run_query").click().run()
    rows = app.dataframe[0].value
    assert "Implementeringsgrupperne" in set(rows["subject"])
    app.selectbox(key="preset").set_value("mandate_overlap").run()
    assert app.date_input(key="param_as_of").value == datetime.date.today()


def test_cypher_results_holding_nodes_are_also_drawn_as_a_graph(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Cypher")
    app.text_area(key="cypher").input("MATCH (d:Decision)-[:DISSOLVED]->(g) RETURN d, g").run()
    app.button(key="run_query").click().run()
    assert not app.exception
    assert set(app.dataframe[0].value["g"]) == {"Implementeringsgrupperne"}
    assert len(_iframes(app)) == 1
    assert app.main.caption[-1].value.startswith("Viser 2 knuder og 1 relationer")


def test_cypher_errors_from_the_store_are_shown(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Cypher")
    app.text_area(key="cypher").input("MATCH (n RETURN n").run()
    app.button(key="run_query").click().run()
    assert app.error[0].value.startswith("Fejl i forespørgslen:")


# --- Dokumenter ---


def test_uploaded_documents_are_ingested_and_reported_one_by_one(monkeypatch, tmp_path):
    store = str(tmp_path / "store")
    app = _app(store, monkeypatch, "Dokumenter")
    document = REPO / "data" / "corpus" / "000_dfd42f02837eddd6.txt"
    app.get("file_uploader")[0].set_value([
        (document.name, document.read_bytes(), "text/plain"),
        ("ødelagt.pdf", b"no pdf at all", "application/pdf"),
    ]).run()
    app.button(key="ingest").click().run()
    assert not app.exception
    rows = app.dataframe[0].value.set_index("dokument")
    assert rows.loc[document.name, "status"] == "tilføjet" and rows.loc[document.name, "knuder"] > 0
    assert rows.loc["ødelagt.pdf", "status"] == "fejlet" and rows.loc["ødelagt.pdf", "fejl"]
    assert app.warning[0].value.startswith("2 dokumenter: 1 tilføjet, 0 erstattet, 0 uændret, 1 fejlet.")
    assert list(app.dataframe[1].value["dokument"]) == [document.name]
    with open_store(store) as opened:
        assert opened.read_graph().find("Group", "Implementeringsgrupperne") is not None


# --- Eksport ---


def test_export_offers_turtle_json_ld_and_json(store_path, monkeypatch):
    app = _app(store_path, monkeypatch, "Eksport")
    assert [button.label for button in app.get("download_button")] == [
        "RDF som Turtle", "RDF som JSON-LD", "Grafen som JSON"]


def test_the_app_starts_on_an_empty_store(monkeypatch, tmp_path):
    app = _app(str(tmp_path / "new"), monkeypatch)
    assert {m.label: m.value for m in app.metric}["Knuder"] == "0"
    assert [i.value for i in app.info] == ["Grafen er tom: indlæs dokumenter under Dokumenter."]


