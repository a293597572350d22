"""Decisions: given the Danish ways a text states who decided what when, the graph holds that decision."""

from __future__ import annotations

import pytest

from loaders.extract import DECISION_RULE
from test_rules import named, only, read


@pytest.mark.parametrize(
    "text, decided, quote",
    [
        (
            "Som ramme for arbejdet vedtog Borgerrepræsentationen den 21. september 2023 et kommissorium.",
            ("Borgerrepræsentationens beslutning 21. september 2023", "Borgerrepræsentationen"),
            "vedtog Borgerrepræsentationen den 21. september 2023",
        ),
        (
            "  1. dagsorden for mødet bliver godkendt\nBeslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n",
            ("Udvalget for Ældre og Sundheds beslutning 4. juni 2020", "Udvalget for Ældre og Sundhed"),
            "Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020",
        ),
    ],
)
def test_a_body_named_after_the_decision_word(text, decided, quote):
    relation = only(read(text), "DECIDED_BY", DECISION_RULE)
    assert named(read(text), relation) == decided
    assert [e.quote for e in relation.evidence] == [quote]


def test_a_body_before_a_finite_verb_decides_not_one_in_the_object_before_it():
    graph = read("På baggrund af en evaluering af Borgergruppen besluttede Lokaldemokratiudvalget den 14. juni 2010 at ...")
    relation = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, relation)[1] == "Lokaldemokratiudvalget"


@pytest.mark.parametrize(
    "text, decided, quote",
    [
        (
            "Politisk behandling Teknisk Udvalg 6. september 2010: Jesper anbefales som medlem.",
            ("Teknisk Udvalgs beslutning 6. september 2010", "Teknisk Udvalg"),
            "Teknisk Udvalg 6. september 2010",
        ),
        ("Indstilling\n\nByrådet 20. september 2010\n\nGodkendt.",
         ("Byrådets beslutning 20. september 2010", "Byrådet"), "Byrådet 20. september 2010"),
    ],
)
def test_a_meeting_header_is_the_body_s_decision_on_that_date(text, decided, quote):
    graph = read(text)
    relation = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, relation) == decided
    assert [e.quote for e in relation.evidence] == [quote]


def test_a_body_and_a_date_inside_a_sentence_are_no_meeting_header():
    graph = read("Sagen sendes til Byrådet 20. september 2010 og behandles der.")
    assert [n for n in graph.nodes.values() if n.label == "Decision"] == []
