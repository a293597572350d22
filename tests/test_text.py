"""Danish dates and sentence spans: the offsets every quote of evidence rests on."""

from __future__ import annotations

import pytest

from loaders.text import find_dates, sentences


def only_date(text: str, default_year: int | None = None):
    found = find_dates(text, default_year)
    assert len(found) == 1, f"expected one date in {text!r}, got {found}"
    return found[0]


# ------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, iso, quoted",
    [
        ("Gruppen nedlægges pr. 1. april 2024.", "2024-04-01", "1. april 2024"),
        ("vedtaget af Borgerrepræsentationen d. 30. november 2023.", "2023-11-30", "30. november 2023"),
        ("Mødet den 22.04.2021 kl. 16.00", "2021-04-22", "22.04.2021"),
        ("BESLUTNING: Økonomiudvalget den 05-01-2022", "2022-01-05", "05-01-2022"),
    ],
)
def test_a_full_danish_date_is_exact_and_quotes_its_own_span(text, iso, quoted):
    found = only_date(text)
    assert found.iso == iso
    assert found.exact
    assert text[found.start : found.end] == quoted


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Ordningen gælder fra |. januar 2018.", "2018-01-01"),
        ("Borgerrepræsentationen besluttede den |5. december 2016", "2016-12-15"),
    ],
)
def test_an_ocr_bar_for_the_digit_one_still_reads_as_a_day(text, iso):
    found = only_date(text)
    assert found.iso == iso
    assert found.exact


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Evalueringen foreligger medio 2019.", "2019-07-01"),
        ("Forsøget afsluttes ultimo 2020.", "2020-12-31"),
        ("Den nye struktur træder i kraft primo 2025.", "2025-01-01"),
    ],
)
def test_vague_dates_follow_the_documented_convention_and_are_not_exact(text, iso):
    found = only_date(text)
    assert found.iso == iso
    assert not found.exact


def test_a_short_numeric_date_takes_the_documents_year():
    found = only_date("Svar senest 30/1 til sekretariatet.", default_year=2019)
    assert (found.iso, found.exact) == ("2019-01-30", False)


def test_a_day_and_month_without_year_takes_the_documents_year():
    found = only_date("Udvalget mødes igen 18. marts om sagen.", default_year=2021)
    assert (found.iso, found.exact) == ("2021-03-18", False)


def test_a_date_without_a_year_is_no_date_when_the_year_is_unknown():
    assert find_dates("Svar senest 30/1 og igen 18. marts.") == []


def test_a_month_and_year_is_the_first_of_the_month_and_not_exact():
    found = only_date("Borgerrepræsentationen besluttede i maj 2012 at nedsætte et udvalg.")
    assert (found.iso, found.exact) == ("2012-05-01", False)


@pytest.mark.parametrize("text", ["Mødet den 31.02.2020 aflyses.", "Mødet den 31. februar 2020 aflyses."])
def test_an_impossible_date_gives_no_date(text):
    assert find_dates(text) == []


def test_dates_come_in_text_order():
    text = "Nedsat d. 30. november 2023, nedlagt pr. 1. april 2024 og evalueret medio 2025."
    assert [d.iso for d in find_dates(text)] == ["2023-11-30", "2024-04-01", "2025-07-01"]


# --------------------------------------------------------------- sentences


def sentence_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Gruppen skal bl.a. se på økonomien. Den mødes igen.",
            ["Gruppen skal bl.a. se på økonomien.", "Den mødes igen."],
        ),
        (
            "Det blev vedtaget d. 30. november 2023 af BR. Næste punkt følger.",
            ["Det blev vedtaget d. 30. november 2023 af BR.", "Næste punkt følger."],
        ),
        (
            "Besparelsen er på 5 mio. kr. i centre og områder. Den udmøntes i år.",
            ["Besparelsen er på 5 mio. kr. i centre og områder.", "Den udmøntes i år."],
        ),
    ],
)
def test_a_full_stop_after_an_abbreviation_does_not_end_a_sentence(text, expected):
    assert sentence_texts(text) == expected


def test_a_year_before_a_full_stop_ends_the_sentence():
    text = "Forsøget startede i 2016. Det blev forlænget til 2019."
    assert sentence_texts(text) == ["Forsøget startede i 2016.", "Det blev forlænget til 2019."]


def test_a_wrapped_ocr_line_continues_across_a_blank_line_when_it_stops_on_a_lower_case_word():
    text = (
        "Implementeringsgrupperne skal i den kommende periode arbejde videre med\n"
        "\n"
        "opfølgningen på ressortanalysen. Næste sætning."
    )
    assert sentence_texts(text) == [
        "Implementeringsgrupperne skal i den kommende periode arbejde videre med\n\n"
        "opfølgningen på ressortanalysen.",
        "Næste sætning.",
    ]


def test_a_short_heading_before_a_blank_line_is_a_sentence_of_its_own():
    text = "Nedlæggelse af implementeringsgrupperne\n\nGrupperne nedlægges i år."
    assert sentence_texts(text) == ["Nedlæggelse af implementeringsgrupperne", "Grupperne nedlægges i år."]


def test_numbered_list_items_are_separate_sentences():
    text = "Beslutning:\n1. Gruppen nedlægges.\n2. Udvalget nedsættes.\n3. Sagen forelægges BR."
    assert sentence_texts(text) == [
        "Beslutning:",
        "1. Gruppen nedlægges.",
        "2. Udvalget nedsættes.",
        "3. Sagen forelægges BR.",
    ]


def test_tab_separated_table_cells_are_separate_sentences():
    text = "Navn\tUdvalg\tParti\nJesper Christensen\tStrukturudvalget\tA"
    assert sentence_texts(text) == ["Navn", "Udvalg", "Parti", "Jesper Christensen", "Strukturudvalget", "A"]


def test_every_sentence_span_quotes_its_text_trimmed():
    text = (
        "  Referat\n\n  Økonomiudvalget godkendte d. 7. november 2017 bl.a. planen.\t  Næste celle \n"
        "1. Første punkt.\n2. Andet punkt.  \n\n\n"
    )
    spans = sentences(text)
    assert spans
    for span in spans:
        quote = span.quote(text)
        assert quote == text[span.start : span.end]
        assert quote == quote.strip() and quote
    assert [s.start for s in spans] == sorted(s.start for s in spans)
