"""The app, driven by Streamlit's AppTest: given the demo corpus in a store,
each page shows what the store holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.ingest import ingest
from graph.store import open_store

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("app") / "store")
    with open_store(path) as store:
        ingest([REPO / "data" / "corpus"], store)
    return path


def _app(store_path: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("RESSORTGRAF_STORE", store_path)
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    return app


def test_overview_lists_the_latest_decisions(store_path, monkeypatch):
    app = _app(store_path, monkeypatch)
    decisions = app.dataframe[0].value
    assert "Borgerrepræsentationens beslutning 30. november 2023" in set(decisions["beslutning"])


def test_explore_shows_a_bodys_evidence(store_path, monkeypatch):
    app = _app(store_path, monkeypatch)
    app.radio(key="page").set_value("Udforsk").run()
    app.text_input(key="search").input("Implementeringsgrupperne").run()
    assert not app.exception
    assert "### Implementeringsgrupperne" in [m.value for m in app.markdown]
    relations = app.dataframe[0].value
    dissolved = relations[relations["relation"] == "DISSOLVED"]
    assert dissolved["belæg"].str.contains("Implementeringsgrupperne nedlægges pr. 1. april 2024").any()


def test_cypher_console_refuses_a_write(store_path, monkeypatch):
    app = _app(store_path, monkeypatch)
    app.radio(key="page").set_value("Cypher").run()
    app.text_area(key="cypher").input("MATCH (n) DETACH DELETE n").run()
    app.button[0].click().run()
    assert any("read-only" in e.value for e in app.error)
