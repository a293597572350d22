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
        "versioned_initiative", "owned_body", "municipality_list", "sole_body", "qualified_group",
        "local_committee", "adjective_committee", "named_council", "initiative_of_name", "quoted_initiative",
        "proposal_subject", "agreement",
        "national_authority", "municipalities_together", "area_organisation", "english_name", "task_being_moved",
    }


@pytest.mark.parametrize(
    "text, label, surface",
    [
        ("Sagen behandles i Teknik- og Miljøudvalget i morgen.", "Committee", "Teknik- og Miljøudvalget"),
        ("By-, Erhvervs- og Planudvalget godkendte planen.", "Committee", "By-, Erhvervs- og Planudvalget"),
        ("Forsøget forankres i HR-kredsen.", "Group", "HR-kredsen"),
        ("Det Bydækkende Områdesekretariat betjener udvalgene.", "Unit", "Det Bydækkende Områdesekretariat"),
        ("Sagen er sendt til Socialforvaltningen.", "Administration", "Socialforvaltningen"),
        ("Arbejdet ledes af den politiske styregruppe.", "Group", "den politiske styregruppe"),
        ("Arbejdet ledes af politisk styregruppe.", "Group", "politisk styregruppe"),
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
        ("Udvalget for Ældre og Sundhed, Økonomiudvalget, Byrådet.", "Committee", "Udvalget for Ældre og Sundhed"),
        ("Sekretariatet for Fremfærd, Lars Bøjesen, deltager.", "Unit", "Sekretariatet for Fremfærd"),
        ("Centret for Social, Sundhed og Kultur svarer.", "Unit", "Centret for Social, Sundhed og Kultur"),
        ("anbefalinger fra Projektudvalget for Afbureaukratisering og Decentralisering godkendes", "Committee",
         "Projektudvalget for Afbureaukratisering og Decentralisering"),
        ("Med en styrket forvaltning for Klima og Miljø kommer der fokus.", "Administration",
         "forvaltning for Klima og Miljø"),
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


def test_a_secretariat_named_by_its_owner_is_a_unit():
    assert mentioned("Sagen forberedes af KL’s sekretariat.") == [("Unit", "KL’s sekretariat")]


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


def test_a_name_between_persons_of_a_list_is_a_person_whose_given_name_is_unknown():
    text = "Arbejdsgruppen består af: Christina Borries, OAO, Jo Gadegaard, FOA, Hans Jessen, Sundhedskartellet/DSR."
    persons = [surface for label, surface in mentioned(text) if label == "Person"]
    assert persons == ["Christina Borries", "Jo Gadegaard", "Hans Jessen"]
    assert ("Organisation", "FOA") in mentioned(text)  # the new person's affiliation


def test_a_name_ending_a_list_of_persons_is_a_person():
    text = "Arbejdsgruppen bestod af Michael Hoff, Ernst Sørensen, Palle Lolk og Jarl Feyling."
    assert [s for label, s in mentioned(text) if label == "Person"][-1] == "Jarl Feyling"


@pytest.mark.parametrize(
    "text",
    ["Mødet med Hans Jessen og Aarhus Byråd blev holdt.", "Hans Jessen og Grete Mikkelsen Vej.",
     "Hans Jessen, Kommunens Direktør, deltog."],
    ids=["a list of one person", "a street", "a title after one person"],
)
def test_no_listed_person_outside_a_list_of_persons(text):
    assert [m for m in find_mentions(text) if m.rule == "listed_person"] == []


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


def test_a_standard_abbreviation_stands_for_the_body_of_its_kind_the_document_names():
    text = "Sagen behandles af Kommunalbestyrelsen. Forslaget anbefales over for KB."
    mentions = find_mentions(text)
    council = next(m for m in mentions if m.surface == "Kommunalbestyrelsen")
    [short] = [m for m in mentions if m.rule == "standard_abbreviation"]
    assert (text[short.start : short.end], short.label, short.same_as) == ("KB", "Council", council)


def test_a_standard_abbreviation_is_no_mention_where_its_body_is_not_named():
    assert mentioned("Forslaget anbefales over for KB.") == []


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


def test_a_list_of_related_documents_names_nothing_of_this_document():
    text = (
        "Mere kerneopgave\n\nRelaterede dokumenter\nHR-Strategi for Gladsaxe Kommune\n\n"
        "Kommissorium for Styregruppen i Horsens-klyngen\n\nTranskript:\n\n"
        "Projektet er forankret i Aalborg Kommune."
    )
    found = mentioned(text)
    assert found == [("Organisation", "Aalborg Kommune")]
    assert ("Organisation", "Gladsaxe Kommune") in mentioned(text, disabled=frozenset({"related_documents"}))


def test_a_related_documents_list_ends_at_running_text():
    paragraph = "Projektet er forankret i Aalborg Kommune, " + "og det gennemføres i samarbejde med mange parter " * 5
    text = f"Relaterede dokumenter\nHR-Strategi for Gladsaxe Kommune\n\n{paragraph}\n"
    assert mentioned(text) == [("Organisation", "Aalborg Kommune")]


@pytest.mark.parametrize(
    "text, quote",
    [
        ("Projektskitsen blev godkendt af Fremfærds bestyrelse i december.", "Fremfærds bestyrelse"),
        ("Det drøftes nu i Bestyrelsen for Fremfærd, der mødes i maj.", "Bestyrelsen for Fremfærd"),
        ("Projektet er forankret i Fremfærd Bestyrelsen.", "Fremfærd Bestyrelsen"),
    ],
)
def test_a_board_is_a_group_named_by_its_owner(text, quote):
    groups = [m for m in find_mentions(text) if m.label == "Group"]
    assert [(m.surface, m.canonical) for m in groups] == [(quote, "Fremfærds bestyrelse")]


def test_the_owner_of_a_board_is_an_organisation_wherever_it_is_named():
    text = "Projektet gennemføres i regi af Fremfærd. Senere godkendt af Fremfærds bestyrelse."
    assert mentioned(text) == [("Organisation", "Fremfærd"), ("Group", "Fremfærds bestyrelse")]


def test_a_registry_owner_keeps_its_name_and_its_board_is_the_head_noun(registries):
    text = "Styringen sker gennem KOMBITs bestyrelse."
    found = [(m.label, m.surface, m.canonical) for m in find_mentions(text, registries)]
    assert found == [("Organisation", "KOMBITs", None), ("Group", "bestyrelse", "KOMBITs bestyrelse")]


def test_a_capitalised_word_at_a_sentence_start_is_no_owner():
    assert [m for m in find_mentions("Projektets bestyrelse mødes.") if m.rule == "owned_body"] == []


def test_municipalities_listed_by_name_are_each_a_municipality():
    text = "kommunaldirektørerne i de 3 kommuner (Lejre, Sorø & Holbæk)."
    found = [(m.label, m.surface, m.canonical) for m in MENTION_FINDERS["municipality_list"](text)]
    assert found == [
        ("Organisation", "Lejre", "Lejre Kommune"),
        ("Organisation", "Sorø", "Sorø Kommune"),
        ("Organisation", "Holbæk", "Holbæk Kommune"),
    ]


@pytest.mark.parametrize(
    "text, organisations",
    [
        ("Gruppen består af: Lisbeth Raahauge, FTF-K/BUPL, og andre.", ["FTF-K", "BUPL"]),
        ("Aftale med konsulent Tina Øllgaard Bentzen (UKON) om rammen.", ["UKON"]),
        ("Ordføreren Rasmus Rune Steenberger (F) spurgte.", []),
    ],
)
def test_an_abbreviation_after_a_person_is_the_organisation_they_come_from(text, organisations):
    found = [m.surface for m in find_mentions(text) if m.rule == "person_affiliation"]
    assert found == organisations


@pytest.mark.parametrize(
    "text, found",
    [
        ("beslutningsoplægget, som Magistraten sendte i høring", [("Committee", "Magistraten")]),
        ("Administrationens forslag anbefales over for KB.", [("Administration", "Administrationens")]),
        ("om administrationen kan organiseres mere effektivt", []),
    ],
)
def test_a_capitalised_bare_head_noun_is_the_one_body_of_its_kind(text, found):
    assert by_finder("sole_body", text) == found


@pytest.mark.parametrize(
    "text, surface",
    [
        ("De fælleskommunale styregrupper på sundheds- og socialområdet har optimeret strukturen.",
         "De fælleskommunale styregrupper på sundheds- og socialområdet"),
        ("Den Kommunale Styregruppe på sundhedsområdet (KOSU) udvides.", "Den Kommunale Styregruppe på sundhedsområdet"),
        ("• Chefforum for Sundheds- og Ældrechefer", "Chefforum for Sundheds- og Ældrechefer"),
        ("Sammensætningen af arbejdsgruppen vedr. udvikling og koordination fastlægges.",
         "arbejdsgruppen vedr. udvikling og koordination"),
    ],
)
def test_a_group_is_named_with_its_field_or_members(text, surface):
    assert mentioned(text)[0] == ("Group", surface)


def test_a_group_name_cut_off_before_its_preposition_is_not_taken():
    assert by_finder("qualified_group", "Som følge heraf nedlægges Styregruppen for Alliancen om den nære psykiatri.") == []


def test_a_local_committee_is_named_by_its_district_and_then_by_its_head_noun():
    text = "at Brønshøj-Husum Lokaludvalg drøfter forslaget. 22-03-2018: Lokaludvalget nedsatte en arbejdsgruppe."
    found = [(m.surface, m.canonical) for m in MENTION_FINDERS["local_committee"](text)]
    assert found == [
        ("Brønshøj-Husum Lokaludvalg", "Brønshøj-Husum Lokaludvalg"),
        ("Lokaludvalget", "Brønshøj-Husum Lokaludvalg"),
    ]


def test_a_bare_local_committee_is_none_in_particular_when_several_are_named():
    text = "Amager Øst Lokaludvalg og Vesterbro Lokaludvalg svarer. Lokaludvalget mødes."
    assert [m.surface for m in MENTION_FINDERS["local_committee"](text)] == [
        "Amager Øst Lokaludvalg", "Vesterbro Lokaludvalg",
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Teknisk Udvalg anbefaler overfor Byrådet, at ...", [("Committee", "Teknisk Udvalg")]),
        ("Sagen behandles i Teknisk udvalg.", []),
    ],
)
def test_a_committee_named_by_a_capitalised_adjective(text, found):
    assert by_finder("adjective_committee", text) == found


def test_a_council_s_place_name_is_on_the_same_line():
    assert by_finder("council", "Indstilling\n\nByrådet 20. september 2010") == [("Council", "Byrådet")]


def test_an_undertaking_about_a_named_thing_is_an_initiative_named_in_its_definite_form():
    text = "Implementering af KY sker i bølger. Kommunerne skal løse opgaver i forbindelse med implementeringen af KY."
    found = {(m.surface, m.canonical) for m in find_mentions(text) if m.label == "Initiative"}
    assert found == {("Implementering af KY", "Implementeringen af KY"), ("implementeringen af KY", "Implementeringen af KY")}


def test_an_undertaking_keeps_the_form_written_when_the_text_has_no_other(registries):
    text = "Følgegruppen skal følge evaluering af Borgerrådgiveren tæt."
    found = [(m.surface, m.canonical) for m in find_mentions(text, registries) if m.label == "Initiative"]
    assert [canonical for _, canonical in found] == ["Evaluering af Borgerrådgiveren"]


def test_an_undertaking_about_something_unnamed_is_not_taken():
    assert by_finder("initiative_of_name", "Vi afventer evalueringen af ordningen.") == []


def test_quoted_titles_after_a_report_noun_are_initiatives():
    text = "Arbejdet førte frem til to rapporter ’Styrket decentral forvaltningsorganisering’ og ’Placering af tværgående enheder’, som"
    assert by_finder("quoted_initiative", text) == [
        ("Initiative", "Styrket decentral forvaltningsorganisering"),
        ("Initiative", "Placering af tværgående enheder"),
    ]


def test_a_quoted_word_after_no_initiative_noun_is_not_taken():
    assert by_finder("quoted_initiative", "betegnelsen ”formand” ændres til ”forperson”") == []


def test_the_state_and_the_government_are_organisations():
    text = "I aftalen mellem KL og Regeringen indgår øvrige aktører, primært staten."
    assert by_finder("national_authority", text) == [("Organisation", "Regeringen"), ("Organisation", "staten")]


def test_the_municipalities_are_one_party_in_a_text_about_all_of_them():
    text = "KOMBIT indkøber på vegne af landets kommuner. Kommunerne betaler."
    found = [(m.surface, m.canonical) for m in MENTION_FINDERS["municipalities_together"](text)]
    assert found == [("landets kommuner", "Kommunerne"), ("Kommunerne", "Kommunerne")]


def test_the_municipalities_are_no_party_in_a_text_that_only_names_some():
    assert by_finder("municipalities_together", "Projektet udvikles mellem kommunerne og Fremfærd.") == []


@pytest.mark.parametrize("text, surface", [
    ("repræsentation fra Region Midtjylland samt PLO-Midtjylland.", "PLO-Midtjylland"),
    ("ved at inddrage SMVDanmark eller andre", "SMVDanmark"),
])
def test_an_abbreviation_with_a_region_or_the_country_is_an_organisation(text, surface):
    assert by_finder("area_organisation", text) == [("Organisation", surface)]


def test_a_registry_abbreviation_that_opens_a_compound_leaves_the_compound_whole(registries):
    found = mentioned("Udpegningen forberedes af BR-sekretariatet, og BR godkender den.", registries)
    assert ("Unit", "BR-sekretariatet") in found
    assert ("Council", "BR") in found


def test_a_lowercase_head_for_an_uncapitalised_field_is_no_name():
    assert by_finder("named_for", "Det er godt for forvaltningen for borgerne.") == []


@pytest.mark.parametrize("text", ["Partiernes politiske grupper mødes.", "Der arbejdes i tværgående kredse."])
def test_an_adjective_and_a_bare_plural_head_name_a_kind_of_body(text):
    assert by_finder("body_compound", text) == []


def test_an_adjective_and_a_compound_plural_are_still_bodies():
    assert by_finder("body_compound", "De politiske følgegrupper mødes.") == [("Group", "De politiske følgegrupper")]


def test_a_paragraph_number_before_a_head_noun_is_no_name():
    assert by_finder("body_compound", "Borgerrepræsentationen har nedsat fire § 17, stk. 4-udvalg.") == []


@pytest.mark.parametrize(
    "text, organisations",
    [
        ("mens KOMBIT og EG/Netcompany understøtter med opgaver", ["EG", "Netcompany"]),
        ("projektbeskrivelsesmodel i KL (og AUA). I rammen", ["AUA"]),
        ("aftalen mellem KL og Sundhed blev", []),
        ("Økonomiudvalget og BR godkendte", []),
    ],
)
def test_names_in_coordination_with_an_organisation_are_organisations(registries, text, organisations):
    found = [m.surface for m in find_mentions(text, registries) if m.rule == "coordinated_organisation"]
    assert found == organisations


def test_a_heading_of_plural_groups_about_a_subject_names_no_one_group():
    assert by_finder("qualified_group", "Følgegrupper vedrørende kvalitetsfondsbyggerier") == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Formålet for organisationen Greater Copenhagen & Skåne Committee er at øge væksten.",
         [("Organisation", "Greater Copenhagen & Skåne Committee")]),
        ("Løsning\n\nGreater Copenhagen Committee mødes.", [("Organisation", "Greater Copenhagen Committee")]),
        ("Udvalget (committee) mødes.", []),
    ],
)
def test_an_english_name_ending_in_a_body_word_is_an_organisation(text, found):
    assert by_finder("english_name", text) == found


def test_capitalised_words_before_a_capitalised_raad_name_a_council_of_citizens_as_a_group():
    text = ("De to borgerfora – Agenda 21 Borgergruppen og Agenda 21 Rådet – sammenlægges til et "
            "Klima- og Agenda 21 Råd. Byrådet udpeger medlemmer til det nye råd.")
    found = [(m.label, m.surface, m.canonical) for m in MENTION_FINDERS["named_council"](text)]
    assert found == [
        ("Group", "Agenda 21 Rådet", "Agenda 21 Råd"),
        ("Group", "Klima- og Agenda 21 Råd", "Klima- og Agenda 21 Råd"),
    ]


def test_a_renamed_body_is_one_body_under_its_new_name():
    text = ("By-, Erhvervs- og Planudvalget ændres til By-, Erhvervs- og Klimaudvalget. "
            "Navnet ”By-, Erhvervs- og Klimaudvalg” ændres til ”Klima-, By- og Erhvervsudvalg”.")
    mentions = find_mentions(text)
    new = next(m for m in mentions if m.surface == "Klima-, By- og Erhvervsudvalg")
    renamed = [m.surface for m in mentions if m.same_as is new]
    assert renamed == ["By-, Erhvervs- og Klimaudvalget", "By-, Erhvervs- og Klimaudvalg"]
    kept = find_mentions(text, disabled=frozenset({"rename"}))
    assert all(m.same_as is None for m in kept)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Økonomiudvalget tiltrådte den 15. juni 2010 indstilling om Fast track, som indebærer et forum.",
         [("Fast track", "Fast track")]),
        ("Økonomiudvalget tiltrådte den 20. januar 2009 indstilling om anlægsstyring.",
         [("anlægsstyring", "Anlægsstyring")]),
        ("Økonomiudvalget tiltrådte indstilling om at nedsætte et udvalg.", []),
        ("Økonomiudvalget tiltrådte indstilling om en samlet plan for de kommunale anlægsprojekter i byen.", []),
        ("Vi sender en indstilling om anlægsstyring.", []),
    ],
)
def test_the_short_subject_of_a_decided_proposal_is_an_initiative(text, found):
    assert [(m.surface, m.canonical) for m in MENTION_FINDERS["proposal_subject"](text)] == found


def test_a_person_is_found_right_after_a_capitalised_body_name():
    text = "Formanden for Lokaldemokratiudvalget Lene Koustrup Madsen har meddelt forvaltningen det."
    assert ("Person", "Lene Koustrup Madsen") in mentioned(text)


def test_the_writer_in_a_byline_is_no_person_of_the_document():
    assert by_finder("person_given_name", "Nyt center\n\nAf Rasmus Mark Pedersen\n\nDer er gang i det.") == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Andre nationale tiltag, fx den kommende sundhedsreform.", []),
        ("Ressortanalysen følges op. Ressortanalysen afsluttes i 2025.", ["Ressortanalysen", "Ressortanalysen"]),
        ("Forvaltningerne kan tage udgangspunkt i det partsprojekt, der i 2016 blev gennemført.", ["partsprojekt"]),
    ],
)
def test_an_initiative_compound_named_once_as_a_kind_is_no_initiative(text, found):
    assert [s for label, s in by_finder("body_compound", text) if label == "Initiative"] == found
