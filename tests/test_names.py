"""Folding names: OCR-garbled and inflected forms of one name fall together."""

from __future__ import annotations

import re

import pytest

from loaders.names import display_name, name_key, ocr_fold, ocr_pattern, stem_name


@pytest.mark.parametrize(
    "forms",
    [
        ("Økonomiudvalget", "@konomiudvalget", "Gkonomiudvalget", "0konomiudvalget"),
        ("ØKF", "QKF", "OKF"),
    ],
)
def test_ocr_garbled_forms_fold_to_the_correct_name(forms):
    assert len({ocr_fold(form) for form in forms}) == 1


def test_ocr_fold_ignores_case_white_space_and_hyphens():
    assert ocr_fold("Teknik- og Miljø-\nudvalget") == ocr_fold("teknik og miljøudvalget")


def test_ocr_fold_keeps_different_names_apart():
    assert ocr_fold("Økonomiudvalget") != ocr_fold("Socialudvalget")


def test_the_ocr_pattern_of_a_name_finds_its_garbled_form():
    pattern = ocr_pattern("Børne- og Ungdomsforvaltningen")
    text = "Sagen er sendt til Barne- og Ungdomsforvaltningen i dag."
    match = re.search(pattern, text)
    assert match and match.group() == "Barne- og Ungdomsforvaltningen"


def test_the_ocr_pattern_of_a_name_finds_it_across_a_line_break_after_the_hyphen():
    pattern = ocr_pattern("Børne- og Ungdomsforvaltningen")
    text = "Sagen er sendt til Børne-\nog Ungdomsforvaltningen i dag."
    match = re.search(pattern, text)
    assert match and match.group() == "Børne-\nog Ungdomsforvaltningen"


def test_the_ocr_pattern_does_not_find_another_name():
    assert re.search(ocr_pattern("Børne- og Ungdomsforvaltningen"), "Kultur- og Fritidsforvaltningen") is None


def test_the_capital_ocr_pattern_of_an_abbreviation_is_case_sensitive():
    pattern = ocr_pattern("ØKF", capitals=True)
    assert re.fullmatch(pattern, "QKF") and re.fullmatch(pattern, "OKF")
    assert re.fullmatch(pattern, "økf") is None


@pytest.mark.parametrize(
    "forms",
    [
        ("Implementeringsgrupperne", "implementeringsgrupper", "implementeringsgruppe"),
        ("Økonomiudvalgets", "Økonomiudvalget", "@konomiudvalget"),
        ("den politiske styregruppe", "politisk styregruppe", "Politisk Styregruppe"),
    ],
)
def test_inflected_forms_of_one_name_share_a_key(forms):
    assert len({name_key(form) for form in forms}) == 1


def test_different_bodies_keep_different_keys():
    assert name_key("Implementeringsgrupperne") != name_key("Følgegruppen")
    assert name_key("Økonomiudvalget") != name_key("Økonomiforvaltningen")


@pytest.mark.parametrize(
    "name, stem",
    [
        ("Implementeringsgrupperne", "implementeringsgruppe"),
        ("Økonomiudvalgets", "økonomiudvalg"),
        ("Følgegruppens", "følgegruppe"),
        ("den politiske styregruppe", "politisk styregruppe"),
        ("Borgerrepræsentationens", "borgerrepræsentation"),
    ],
)
def test_the_stem_is_the_readable_base_form(name, stem):
    assert stem_name(name) == stem


@pytest.mark.parametrize(
    "surface, name",
    [
        ("Følgegruppens", "Følgegruppen"),
        ("den politiske styregruppe", "Politiske styregruppe"),
        ("Økonomiudvalgets", "Økonomiudvalget"),
        ("Teknik- og\nMiljøudvalget", "Teknik- og Miljøudvalget"),
        ("implementeringsgrupperne,", "Implementeringsgrupperne"),
    ],
)
def test_the_display_name_is_one_capitalised_line_without_article_or_genitive(surface, name):
    assert display_name(surface) == name


def test_the_display_name_keeps_an_abbreviation_as_written():
    assert display_name("KOMBIT") == "KOMBIT"
