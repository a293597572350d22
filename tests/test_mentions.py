"""Finding the bodies, persons and initiatives a Danish text names."""

from __future__ import annotations

import pytest

from loaders.mentions import MENTION_FINDERS, find_mentions
from loaders.registry import load_registries


@pytest.fixture(scope="module")
def registries():
    return load_registries()


def by_finder(name: str, text: str) -> list[tuple[str, str]]:
    """(label, quoted text) of what one finder reads in ``text``."""
    found = []
    for mention in MENTION_FINDERS[name](text):
        assert mention.surface == text[mention.start : mention.end]
        assert mention.rule == name
        found.append((mention.label, mention.surface))
    return found


def mentioned(text: str, registries=(), disabled=frozenset()) -> list[tuple[str, str]]:
    found = []
    for mention in find_mentions(text, registries, disabled):
        assert mention.surface == text[mention.start : mention.end]
        found.append((mention.label, mention.surface))
    return found


# ------------------------------------------------------- each finder alone


def test_every_finder_is_named_here():
    assert set(MENTION_FINDERS) == {
        "body_compound", "named_for", "council", "municipality", "person_party", "person_given_name",
        "versioned_initiative", "task_being_moved", "owned_body",
    }


@pytest.mark.parametrize(
    "text, label, surface",
    [
        ("Sagen behandles i Teknik- og Miljøudvalget i morgen.", "Committee", "Teknik- og Miljøudvalget"),
        ("By-, Erhvervs- og Planudvalget godkendte planen.", "Committee", "By-, Erhvervs- og Planudvalget"),
        ("Forsøget forankres i HR-kredsen.", "Group", "HR-kredsen"),
        ("Det Bydækkende Områdesekretariat betjener udvalgene.", "Unit", "Det Bydækkende Områdesekretariat"),
        ("Sagen er sendt til Socialforvaltningen.", "Administration", "Socialforvaltningen"),
        ("Arbejdet ledes af den politiske styregruppe.", "Group", "politiske styregruppe"),
        ("Implementeringsgrupperne nedlægges.", "Group", "Implementeringsgrupperne"),
    ],
)
def test_body_compound_finds_a_body_by_its_head_noun(text, label, surface):
    assert (label, surface) in by_finder("body_compound", text)


@pytest.mark.parametrize(
    "text, label, surface",
    [
        ("Svar fra Center for Politik og HR.", "Unit", "Center for Politik og HR"),
        ("Udvalget for Ældre og Sundhed mødes i dag.", "Committee", "Udvalget for Ældre og Sundhed"),
    ],
)
def test_named_for_finds_a_body_named_for_its_field(text, label, surface):
    assert by_finder("named_for", text) == [(label, surface)]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Aalborg Byråd besluttede planen.", "Aalborg Byråd"),
        ("Sagen oversendes til kommunalbestyrelsen.", "kommunalbestyrelsen"),
        ("Forslaget er vedtaget af Borgerrepræsentationen.", "Borgerrepræsentationen"),
        ("Sagen går videre til byrådet.", "byrådet"),
    ],
)
def test_council_finds_the_council(text, surface):
    assert by_finder("council", text) == [("Council", surface)]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Regional udvikling flyttes fra Teknik- og Miljøudvalget til Social- og Sundhedsudvalget.", "Regional udvikling"),
        ("Ledelse samles i A, og det specialiserede børneområde flyttes til B.", "det specialiserede børneområde"),
        ("De turismemæssige opgaver som hørte under By-, Erhvervs- og Planudvalget overføres til B.",
         "De turismemæssige opgaver"),
    ],
)
def test_task_being_moved_reads_the_phrase_a_transfer_moves(text, surface):
    assert ("Task", surface) in by_finder("task_being_moved", text)


@pytest.mark.parametrize(
    "text",
    [
        "De opgaver som hørte under Skoleudvalget overføres til B.",
        "Den nye arbejdsgruppe samles i morgen.",
        "Sagen overføres til Borgerrepræsentationen.",
    ],
)
def test_task_being_moved_leaves_generic_words_and_bodies_alone(text):
    assert by_finder("task_being_moved", text) == []


def test_owned_body_reads_a_board_named_by_its_owners_genitive():
    assert by_finder("owned_body", "Gennem KOMBITs bestyrelse og KL’s sekretariat.") == [
        ("Group", "KOMBITs bestyrelse"),
        ("Unit", "KL’s sekretariat"),
    ]


def test_a_board_named_by_its_owner_is_one_mention_though_the_registry_knows_the_owner(registries):
    assert mentioned("Gennem KOMBITs bestyrelse.", registries) == [("Group", "KOMBITs bestyrelse")]


def test_municipality_finds_municipalities_and_regions():
    text = "Aalborg Kommune samarbejder med Region Midtjylland."
    assert by_finder("municipality", text) == [
        ("Organisation", "Aalborg Kommune"),
        ("Organisation", "Region Midtjylland"),
    ]


def test_a_person_with_a_party_letter_has_that_party():
    (mention,) = MENTION_FINDERS["person_party"]("Spørgsmål fra Rasmus Rune Steenberger (F) om grupperne.")
    assert (mention.label, mention.surface, mention.props) == ("Person", "Rasmus Rune Steenberger", {"party": "F"})


def test_a_person_outside_any_party_has_that_as_role():
    (mention,) = MENTION_FINDERS["person_party"]("Signe Goldmann (løsgænger)")
    assert (mention.surface, mention.props) == ("Signe Goldmann", {"role": "løsgænger"})


def test_a_persons_name_does_not_run_across_a_line_break():
    assert by_finder("person_party", "Kontakt\nPeter Hansen (V)") == [("Person", "Peter Hansen")]


def test_a_name_without_a_party_is_no_person():
    assert by_finder("person_party", "Rasmus Rune Steenberger spurgte om grupperne.") == []


def test_a_known_given_name_and_a_surname_make_a_person_without_a_party():
    text = "Arbejdsgruppen består af: Christina Borries, OAO, Lars Daugaard, Forhandlingsfællesskabet og Tina Øllgaard Bentzen."
    assert by_finder("person_given_name", text) == [
        ("Person", "Christina Borries"), ("Person", "Lars Daugaard"), ("Person", "Tina Øllgaard Bentzen")]


def test_a_person_by_given_name_keeps_initials_and_hyphenated_surnames():
    text = "siger Thomas Kastrup-Larsen, Borgmester, og Ole H. Hansen nikker."
    assert by_finder("person_given_name", text) == [("Person", "Thomas Kastrup-Larsen"), ("Person", "Ole H. Hansen")]


@pytest.mark.parametrize(
    "text",
    ["Mødet holdes på Hans Christian Andersens Boulevard.", "Rasmus spurgte.", "Ordet Kommunen Holder fast."],
    ids=["a street named after a person", "a given name alone", "capitalised words without a given name"],
)
def test_no_person_without_a_given_name_and_a_surname(text):
    found = by_finder("person_given_name", text)
    assert all(surface != "Hans Christian Andersens Boulevard" for _, surface in found)
    assert ("Person", "Rasmus") not in found and not [m for m in found if m[1].startswith("Ordet")]


def test_versioned_initiative_takes_the_version_number_into_the_name():
    text = "Forvaltningen deltager i frisættelsesforsøg 2.0 fra næste år."
    assert by_finder("versioned_initiative", text) == [("Initiative", "frisættelsesforsøg 2.0")]


# ------------------------------------------------------- what is not a body


@pytest.mark.parametrize(
    "text",
    [
        "Udvalget besluttede, at hvert fagudvalg skal høres.",
        "Sagen sendes til udvalget og derefter til fagudvalgene.",
        "Forvaltningen og sekretariatet svarer, når gruppen har mødtes.",
        "Et underudvalg eller lokaludvalget kan også høres.",
    ],
)
def test_generic_words_for_bodies_are_no_mentions(text):
    assert mentioned(text) == []


def test_a_bare_styregruppe_is_a_generic_word_not_a_group():
    text = "HR-kredsen vil fungere som styregruppe for forsøget, og styregruppen mødes månedligt."
    assert mentioned(text) == [("Group", "HR-kredsen")]


def test_fremtidig_styreform_is_no_initiative():
    text = "drøftelser om fremtidig styreform samt udvalgs- og forvaltningsstruktur"
    assert [m for m in mentioned(text) if m[0] == "Initiative"] == []


def test_kommunalbestyrelsen_is_a_council_not_a_group():
    assert mentioned("Sagen oversendes til 2. behandling i kommunalbestyrelsen.") == [
        ("Council", "kommunalbestyrelsen")
    ]


# ------------------------------------------------- defined abbreviations


def test_an_abbreviation_defined_in_parentheses_is_a_mention_of_the_same_body_wherever_it_recurs():
    text = (
        "Den Kommunale Sundhedsstrategiske gruppe (DKS) nedlægges. "
        "Opgaverne fra DKS overgår til KOSU, og DKSs møder aflyses."
    )
    mentions = find_mentions(text)
    long_form = next(m for m in mentions if m.surface == "Den Kommunale Sundhedsstrategiske gruppe")
    short_forms = [m for m in mentions if m.rule == "defined_abbreviation"]
    assert long_form.label == "Group"
    assert [text[m.start : m.end] for m in short_forms] == ["DKS", "DKS", "DKSs"]
    assert all(m.label == "Group" and m.same_as is long_form for m in short_forms)


def test_an_undefined_abbreviation_is_no_mention():
    assert mentioned("Opgaverne overgår til DKS.") == []


def test_a_party_letter_is_not_taken_for_a_defined_abbreviation():
    text = "Klaus Mygind (F) spurgte. F stemte imod."
    assert mentioned(text) == [("Person", "Klaus Mygind")]


# ------------------------------------------------------- overlaps


def test_a_registry_mention_wins_over_the_same_span_read_by_a_pattern(registries):
    text = "Borgerrepræsentationen har sendt sagen til Teknik- og Miljøudvalget."
    mentions = find_mentions(text, registries)
    tmu = next(m for m in mentions if m.surface == "Teknik- og Miljøudvalget")
    assert tmu.rule == "registry"
    assert tmu.entity is not None and tmu.entity.key == "tmu"


def test_a_longer_mention_wins_over_a_shorter_one_inside_it():
    mentions = find_mentions("Forvaltningen deltager i frisættelsesforsøg 2.0.")
    assert [(m.surface, m.rule) for m in mentions] == [("frisættelsesforsøg 2.0", "versioned_initiative")]


def test_mentions_never_overlap_and_come_in_text_order(registries):
    text = (
        "Økonomiforvaltningen (ØKF) indstiller over for Økonomiudvalget, at Center for Politik og HR "
        "og HR-kredsen deltager i frisættelsesforsøg 2.0 sammen med Rasmus Rune Steenberger (F)."
    )
    mentions = find_mentions(text, registries)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


# ------------------------------------------------------- switching off


def test_a_disabled_finder_finds_nothing():
    text = "Rasmus Rune Steenberger (F) spurgte Aalborg Byråd om frisættelsesforsøg 2.0."
    assert ("Person", "Rasmus Rune Steenberger") in mentioned(text)
    without = mentioned(text, disabled=frozenset({"person_party", "person_given_name"}))
    assert [m for m in without if m[0] == "Person"] == []
    assert ("Council", "Aalborg Byråd") in without


def test_a_disabled_versioned_initiative_leaves_the_bare_compound():
    text = "Forvaltningen deltager i frisættelsesforsøg 2.0."
    assert mentioned(text, disabled=frozenset({"versioned_initiative"})) == [("Initiative", "frisættelsesforsøg")]


def test_disabling_the_registry_leaves_only_pattern_mentions(registries):
    text = "Borgerrepræsentationen har bedt ØKF om et svar."
    assert mentioned(text, registries, frozenset({"registry"})) == [("Council", "Borgerrepræsentationen")]
    assert all(m.entity is None for m in find_mentions(text, registries, frozenset({"registry"})))


def test_disabling_defined_abbreviations_leaves_the_long_form_only():
    text = "Den Kommunale Sundhedsstrategiske gruppe (DKS) nedlægges. Opgaverne fra DKS overgår."
    assert mentioned(text, disabled=frozenset({"defined_abbreviation"})) == [
        ("Group", "Den Kommunale Sundhedsstrategiske gruppe")
    ]
