"""Scans that skip text find exactly what the full pattern finds, on any text."""

from __future__ import annotations

import re
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import danish, mentions
from loaders.context import _cue_starts, cue_regex
from loaders.registry import load_registries
from loaders.scan import PhraseStarts, Scan, finditer_around, finditer_between, finditer_from, literal_starts, lowered
from loaders.text import _date_patterns, _date_starts

REGISTRIES = load_registries()
CUE_LISTS = [
    danish.DECISION_CUES, danish.DISSOLUTION_CUES, danish.ESTABLISHMENT_CUES, danish.EFFECTIVE_DATE_CUES,
    danish.INTERFACE_CUES, danish.MEMBERSHIP_CUES, danish.REPLACEMENT_CUES, *danish.MANDATE_ROLE_CUES.values(),
]
# Names, cue words, head nouns and dates, correct and as OCR garbles them, with the separators that
# decide where a match starts and ends.
FRAGMENTS = (
    "Økonomiudvalget", "@konomiudvalget", "ØKONOMIUDVALGETS", "QKF", "ØU", "@U", "Borgerrepræsentationen",
    "Barne- og  Ungdomsforvaltningen", "Børne-\nog Ungdomsforvaltningen", "Teknik- og Miljøudvalget",
    "By-, Erhvervs- og Planudvalget", "Det Bydækkende Områdesekretariat", "politisk styregruppe", "HR-kredsen",
    "frisættelsesfors@g 2.0", "udvalgsformand", "Aalborg Byråd", "Ringkøbing-Skjern Kommune", "Region Midtjylland",
    "Center for Politik og HR", "Rasmus Rune Steenberger (F)", "Signe H. Goldmann", " (løsgænger)", "(UFG)", "med virkning fra", "fra og med", "i samarbejde\nmed", "nedlægges pr.", "ikke at",
    "1. april 2024", "|. januar 2018", "22.04.2021", "30/1", "medio 2019", "18. marts", "maj 2012",
    "Regional udvikling flyttes fra", "De turismemæssige opgaver som hørte under", "overf@res til", "samles\ni",
    "og hele idrætsområdet", ": ", "; ", "–", "Brønshøj-Husum Lokaludvalg", "Lokaludvalget", "Teknisk Udvalg",
    "implementeringen af KY", "evaluering af Borgerrådgiveren", "Gennemførelse af ", "rapporten ", "to rapporter", "Forsøget", "’Styrket decentral forvaltning’", " og ", "“Placering af enheder”",
    "Det Nye Fælles Ledelsessekretariat", "Klima- og Agenda 21 Rådet", "By-, Erhvervs- og ", "Råd", "Rådets",
    "Greater Copenhagen & Skåne Committee", "Board", "PLO-Midtjylland", "SMVDanmark", "KOMBITs bestyrelse",
    "Bestyrelsen for Fremfærd", "KL’s sekretariat", "FTF-K Direktion", "Udvalget for Ældre og Sundhed",
    "Projektudvalget for ", "Magistraten", "staten", "Regeringens", "landets kommuner", "kommunerne",
    "aftalen om ", " mellem ", "Relaterede dokumenter", "  lignende dokumenter:", "Københavns Kommune", "Borgerrepræsentationen", "vedtog ", "indstilling om ", "kommuner (Lejre, Sorø)", "Det ", "Store ", "ſtyregruppe", "İ", " ", "  ", "\n", "\n\n", "-", ", ", ". ", "(", ")", "s", "et", "ene", "@", "x", "De", "og",
)
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
RELAXED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_given_an_ocr_garbled_name_its_start_is_found_by_its_plain_letters():
    starts = PhraseStarts(["Økonomiudvalget", "Børne- og Ungdomsforvaltningen"])
    text = "Sendt til @konomiudvalget og Barne-  og\nUngdomsforvaltningen."
    assert starts(text) == [text.index("@konomi"), text.index("Barne")]


def test_given_a_letter_that_folds_oddly_the_text_is_scanned_whole():
    assert lowered("Den nye ſtyregruppe") is None
    assert PhraseStarts(["styregruppe"])("Den nye ſtyregruppe") is None


def test_given_starts_the_matches_and_their_order_are_those_of_a_full_scan():
    pattern = cue_regex(danish.START_DATE_CUES)
    text = "Gælder med virkning fra 1. maj, fra og med juni og fra nu."
    starts = _cue_starts(danish.START_DATE_CUES)(text)
    assert spans(finditer_from(pattern, text, starts)) == spans(pattern.finditer(text))
    window = text.index("fra og"), text.index(" juni")
    assert [m.group() for m in finditer_from(pattern, text, starts, *window)] == ["fra og med"]
    assert [m.group() for m in finditer_from(pattern, text, starts, window[0], window[1] - 4)] == ["fra"]


@RELAXED
@given(texts)
def test_cue_words_in_any_span_are_found_as_by_the_full_pattern(text):
    for cues in CUE_LISTS:
        pattern, starts = cue_regex(cues), _cue_starts(cues)(text)
        for start, end in ((0, len(text)), (len(text) // 3, len(text) - 2)):
            assert spans(finditer_from(pattern, text, starts, start, end)) == spans(pattern.finditer(text, start, end))


@RELAXED
@given(texts)
def test_registry_names_are_found_as_by_the_full_pattern(text):
    for registry in REGISTRIES:
        full = [(m.start(), m.end(), keys[m.lastgroup]) for regex, keys, _ in registry._matchers
                for m in regex.finditer(text)]
        assert [(m.start, m.end, m.entity.key) for m in registry.find(text)] == full


@RELAXED
@given(texts)
def test_compound_names_are_found_as_by_the_full_pattern(text):
    def full_scan(text: str, label: str) -> list:
        return list(mentions._compound_regex(label).finditer(text))

    assert spans(mentions._compounds(text, "Group")) == spans(full_scan(text, "Group"))
    found = [(m.label, m.start, m.end) for m in mentions.body_compounds(text)]
    with patch.object(mentions, "_compounds", full_scan):
        assert found == [(m.label, m.start, m.end) for m in mentions.body_compounds(text)]


@RELAXED
@given(texts)
def test_tasks_being_moved_are_found_as_by_the_full_pattern(text):
    pattern = mentions._task_moving_regex()
    found = finditer_between(pattern, text, mentions._TASK_VERB_STARTS(text), ".;:")
    assert spans(found) == spans(pattern.finditer(text))


def test_given_clauses_a_pattern_runs_only_in_the_clauses_around_its_anchors():
    text = "Alt er godt. Opgaven flyttes til KB; intet mere: slut"
    clause = re.compile(r"\b\w+ flyttes til \w+")
    assert [m.group() for m in finditer_between(clause, text, [text.index("flyttes")], ".;:")] == ["Opgaven flyttes til KB"]
    assert list(finditer_between(clause, text, [], ".;:")) == []


@RELAXED
@given(texts)
def test_dates_are_found_as_by_the_full_pattern(text):
    for pattern, kind in _date_patterns():
        assert spans(finditer_from(pattern, text, _date_starts(text, kind))) == spans(pattern.finditer(text))


@RELAXED
@given(texts)
def test_councils_municipalities_persons_and_versioned_initiatives_are_found_as_by_the_full_pattern(text):
    def ends(found) -> list[int]:
        return [m.end for m in found]

    assert ends(mentions.councils(text)) == [m.end() for m in mentions._council_regex().finditer(text)]
    assert ends(mentions.municipalities(text)) == [m.end() for m in mentions._MUNICIPALITY.finditer(text)]
    assert ends(mentions.persons_with_party(text)) == [m.end("name") for m in mentions._PERSON.finditer(text)]
    assert ends(mentions.adjective_committees(text)) == [m.end() for m in mentions._ADJECTIVE_COMMITTEE.finditer(text)]
    nominals = mentions._INITIATIVE_OF_NAME
    assert spans(finditer_from(nominals, text, mentions._NOMINAL_STARTS(text))) == spans(nominals.finditer(text))
    titled = mentions._TITLED_INITIATIVES.finditer(text)
    assert spans(finditer_from(mentions._TITLED_INITIATIVES, text, mentions._TITLED_NOUN_STARTS(text))) == spans(titled)
    versioned = mentions._versioned_initiative_regex().finditer(text)
    assert ends(mentions.versioned_initiatives(text)) == [m.end() for m in versioned]


@RELAXED
@given(texts)
def test_every_scan_finds_what_its_full_pattern_finds(text):
    scans = [value for value in vars(mentions).values() if isinstance(value, Scan)] + [mentions._owned_body_scan()]
    scans += [registry._signature for registry in REGISTRIES if registry._signature is not None]
    for scan in scans:
        assert spans(scan.finditer(text)) == spans(scan.pattern.finditer(text)), scan.pattern.pattern


def test_given_a_literal_its_uses_are_found_as_written_or_in_any_case():
    text = "KL og kl. og KLs"
    assert literal_starts(text, "KL") == [0, 13]
    assert literal_starts(text, "KL", ignore_case=True) == [0, 6, 13]
    assert literal_starts("Den ſtore", "store", ignore_case=True) is None
