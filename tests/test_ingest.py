"""Ingest semantics: idempotent by content hash, a changed document replaces its
old contribution, the same entity in many documents is one node, and a bad
file costs only itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.ingest import ingest
from graph.store import open_store

OU_DECISION = (
    "Københavns Kommune\n\nØkonomiudvalgets beslutning i mødet den 7. november 2017\n\n"
    "Økonomiforvaltningen indstiller over for Økonomiudvalget, at planen godkendes.\n"
)
BR_DISSOLUTION = (
    "Implementeringsgrupperne nedlægges pr. 1. april 2024, som vedtaget af "
    "Borgerrepræsentationen d. 30. november 2023. Økonomiudvalget orienteres.\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _export(store: str) -> str:
    with open_store(store) as opened:
        return opened.read_graph().to_json()


def test_ingesting_the_same_folder_twice_changes_nothing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", OU_DECISION)
    _write(docs, "b.txt", BR_DISSOLUTION)
    store = str(tmp_path / "store")
    with open_store(store) as opened:
        first = ingest([docs], opened)
    before = _export(store)
    with open_store(store) as opened:
        second = ingest([docs], opened)
    assert [o.status for o in first.outcomes] == ["added", "added"]
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert _export(store) == before


def test_export_is_identical_after_reingesting(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", OU_DECISION)
    store = str(tmp_path / "store")
    outputs = []
    for _ in range(2):
        assert main(["ingest", str(docs), "--store", store]) == 0
        out = tmp_path / f"export{len(outputs)}.json"
        assert main(["export", "--store", store, "-o", str(out)]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_one_entity_in_two_documents_is_one_node_with_all_evidence(tmp_path):
    """Both documents are Copenhagen's, so both "Økonomiudvalget" are the registry's one committee."""
    store = str(tmp_path / "store")
    paths = [_write(tmp_path, "a.txt", OU_DECISION), _write(tmp_path, "b.txt", BR_DISSOLUTION)]
    with open_store(store) as opened:
        ingest(paths, opened)
        graph = opened.read_graph()
    committees = [n for n in graph.nodes.values() if n.label == "Committee" and n.name == "Økonomiudvalget"]
    assert len(committees) == 1
    assert {e.document for e in committees[0].evidence} == {"a.txt", "b.txt"}


def test_a_changed_document_replaces_what_its_old_version_contributed(tmp_path):
    store = str(tmp_path / "store")
    path = _write(tmp_path, "a.txt", BR_DISSOLUTION)
    with open_store(store) as opened:
        ingest([path], opened)
    _write(tmp_path, "a.txt", OU_DECISION)
    with open_store(store) as opened:
        summary = ingest([path], opened)
        graph = opened.read_graph()
    assert [o.status for o in summary.outcomes] == ["replaced"]
    assert graph.find("Group", "Implementeringsgrupperne") is None
    assert not [r for r in graph.relations.values() if r.type == "DISSOLVED"]
    decision = next(n for n in graph.nodes.values() if n.label == "Decision")
    assert decision.props["date"] == "2017-11-07"
    for item in [*graph.nodes.values(), *graph.relations.values()]:
        assert all(e.document == "a.txt" for e in item.evidence)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00" * 50, "binary data"),
        ("table.xlsx", b"PK\x03\x04", "unsupported file type .xlsx"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a docx", "DOCX"),
    ],
)
def test_a_bad_file_gets_a_reason_and_the_rest_of_the_batch_goes_in(tmp_path, name, content, reason):
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "good.txt", OU_DECISION)
    (docs / name).write_bytes(content)
    store = str(tmp_path / "store")
    with open_store(store) as opened:
        summary = ingest([docs], opened)
        graph = opened.read_graph()
    [failed] = summary.failed
    assert failed.path.name == name and reason in failed.reason
    assert set(graph.documents()) == {"good.txt"}
    assert graph.find("Committee", "Økonomiudvalget") is not None


def test_strict_ingest_exits_non_zero_when_a_file_failed(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "good.txt", OU_DECISION)
    (docs / "empty.txt").write_bytes(b"")
    store = str(tmp_path / "store")
    assert main(["ingest", str(docs), "--store", store]) == 0
    assert main(["ingest", str(docs), "--store", store, "--strict"]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().out


def test_query_refuses_a_write_clause_with_a_clear_message(tmp_path, capsys):
    store = str(tmp_path / "store")
    _write(tmp_path, "a.txt", OU_DECISION)
    assert main(["ingest", str(tmp_path / "a.txt"), "--store", store]) == 0
    assert main(["query", "MATCH (n) DETACH DELETE n", "--store", store]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["query", "MATCH (n) RETURN count(n) AS nodes", "--store", store, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["nodes"] > 0


def test_parallel_ingest_gives_the_same_graph(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        _write(docs, f"d{i}.txt", OU_DECISION.replace("2017", str(2010 + i)))
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    with open_store(one) as opened:
        ingest([docs], opened, workers=1)
    with open_store(two) as opened:
        ingest([docs], opened, workers=2)
    assert _export(one) == _export(two)
