"""Properties of extraction over any text: it never fails, and all evidence quotes the text exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.model import Graph
from graph.schema import NODE_LABELS, RELATION_TYPES
from loaders.extract import ExtractionSettings, extract
from loaders.readers import SourceDocument, read_document
from loaders.registry import load_registries

SETTINGS = ExtractionSettings(tuple(load_registries()))
DEV_CORPUS = Path("/work/shared/corpus/dev")

# Pieces of Danish municipal text: names of bodies (correct and OCR-garbled),
# persons, dates, and the cue words of every rule, so that random texts reach the rules.
FRAGMENTS = (
    "Økonomiudvalget", "@konomiudvalget", "ØU", "ØUs", "QKF", "Økonomiforvaltningen (ØKF)",
    "Borgerrepræsentationen", "BR", "Børne- og Ungdomsforvaltningen (BUF)", "Barne-\nog Ungdomsforvaltningen",
    "Teknik- og Miljøudvalget", "By-, Erhvervs- og Planudvalget", "HR-kredsen", "implementeringsgrupperne",
    "Det Bydækkende Områdesekretariat", "Center for Politik og HR", "Udvalget for Ældre og Sundhed",
    "Aalborg Byråd", "kommunalbestyrelsen", "Københavns Kommune", "Region Midtjylland", "KL", "kl. 15:30",
    "Rasmus Rune Steenberger (F)", "Signe Goldmann (løsgænger)", "frisættelsesforsøg 2.0", "forsøget",
    "Den Kommunale Sundhedsstrategiske gruppe (DKS)", "DKS", "den politiske styregruppe", "model a)",
    "1. april 2024", "d. 30. november 2023", "05-01-2022", "|. januar 2018", "medio 2019", "30/1", "maj 2012",
    "nedlægges pr.", "nedsætte", "etableres", "forankres i", "styregruppe for", "projektejer for",
    "sekretariatsbetjenes af", "forelægges", "afrapporteres til", "indstiller over for", "deltager i",
    "ikke at deltage", "bestod af:", "Medlemmer:", "snitflader mellem", "i samarbejde med", "erstattes af",
    "afløser", "vedtaget af", "godkendte den", "BESLUTNING:", "besluttede", "og", "at", "som", "der", "fra",
    "bl.a.", "mio. kr.", "1.", "•",
)
SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", "\t", ": ", " - ")

danish_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda pieces: "".join(f + s for f, s in pieces))

any_text = st.one_of(
    st.text(max_size=300),
    danish_text,
    st.lists(st.one_of(danish_text, st.text(max_size=20)), max_size=6).map("".join),
)


def document(text: str, name: str = "t.txt") -> SourceDocument:
    return SourceDocument(name=name, path=Path(name), text=text, content_hash="x", format="text", meta={})


def assert_evidence_quotes(graph: Graph, name: str, text: str) -> None:
    for item in [*graph.nodes.values(), *graph.relations.values()]:
        for evidence in item.evidence:
            assert evidence.document == name
            assert 0 <= evidence.start <= evidence.end <= len(text)
            assert evidence.quote == text[evidence.start : evidence.end], item


def assert_well_formed(graph: Graph) -> None:
    for key, node in graph.nodes.items():
        assert node.id == key and node.label in NODE_LABELS and node.name
        if node.label != "Document":
            assert node.evidence or node.sources
    for relation in graph.relations.values():
        assert relation.type in RELATION_TYPES
        assert relation.source in graph.nodes and relation.target in graph.nodes
        assert relation.evidence and relation.rules


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extract_never_fails_and_all_evidence_quotes_the_text(text):
    graph = extract(document(text), SETTINGS)
    assert_evidence_quotes(graph, "t.txt", text)
    assert_well_formed(graph)


@settings(max_examples=30, deadline=None)
@given(danish_text)
def test_extraction_is_deterministic(text):
    first = extract(document(text), SETTINGS).to_dict()
    second = extract(document(text), SETTINGS).to_dict()
    assert first == second


@pytest.mark.parametrize("path", sorted(DEV_CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_all_evidence_from_a_real_document_quotes_it(path):
    source = read_document(path)
    graph = extract(source, SETTINGS)
    assert_evidence_quotes(graph, source.name, source.text)
    assert_well_formed(graph)
