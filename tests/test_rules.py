"""The relation rules: given a Danish sentence, the graph states this relation, with this evidence.

Each rule in ``loaders.rules.RULES`` and the decision finder has a snippet it
must read and one it must leave alone. Every relation's evidence quotes the
document exactly and names the rule that read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Graph, Node, Relation
from loaders.extract import DECISION_RULE, ExtractionSettings, extract
from loaders.readers import SourceDocument
from loaders.registry import load_registries
from loaders.rules import RULES

REGISTRIES = tuple(load_registries())


def read(text: str, disabled: frozenset[str] = frozenset()) -> Graph:
    """Extract ``text`` and check that every piece of evidence quotes it exactly."""
    document = SourceDocument(name="t.txt", path=Path("t.txt"), text=text, content_hash="x", format="text", meta={})
    graph = extract(document, ExtractionSettings(REGISTRIES, disabled))
    for item in [*graph.nodes.values(), *graph.relations.values()]:
        for evidence in item.evidence:
            assert evidence.document == "t.txt"
            assert evidence.quote == text[evidence.start : evidence.end]
    return graph


def of_type(graph: Graph, type_: str) -> list[Relation]:
    return [r for r in graph.relations.values() if r.type == type_]


def named(graph: Graph, relation: Relation) -> tuple[str, str]:
    return graph.nodes[relation.source].name, graph.nodes[relation.target].name


def node(graph: Graph, label: str, name: str) -> Node:
    found = graph.find(label, name)
    assert found is not None, f"no {label} {name!r} in {[n.name for n in graph.nodes.values()]}"
    return found


def only(graph: Graph, type_: str, rule: str) -> Relation:
    """The one relation of this type, read by this rule, with evidence."""
    relations = of_type(graph, type_)
    assert len(relations) == 1, [named(graph, r) for r in relations]
    relation = relations[0]
    assert rule in relation.rules
    assert relation.evidence
    return relation


def quotes(relation: Relation) -> list[str]:
    return [e.quote for e in relation.evidence]


def test_every_rule_is_tested_here():
    assert set(RULES) == {
        "dissolution", "establishment", "mandate_anchoring", "mandate_role", "reporting", "proposal",
        "participation", "membership", "interface", "replacement", "letterhead_hierarchy", "decision_concerns",
        "task_under_body", "task_transfer", "decision_concerns_subject", "participants_in_parentheses",
        "affiliation", "stated_membership", "reporting_receiver_first", "involvement", "task_move",
        "owned_committees", "owned_body_part_of",
        "proposal_in_minutes", "proposer_signature", "fixed_term", "decision_concerns_administration",
        "task_succession", "appointment", "agreement_parties", "chair",
    }


# ------------------------------------------------------------ decisions


def test_a_body_a_decision_word_and_a_date_make_a_decision():
    graph = read("Beslutning: Økonomiudvalget godkendte den 7. november 2017 indstillingen.")
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    decision = graph.nodes[decided.source]
    assert decision.label == "Decision"
    assert decision.props["date"] == "2017-11-07"
    assert decision.name == "Økonomiudvalgets beslutning 7. november 2017"
    assert graph.nodes[decided.target] is node(graph, "Committee", "Økonomiudvalget")
    assert quotes(decided) == ["Økonomiudvalget godkendte den 7. november 2017"]
    assert [e.quote for e in decision.evidence] == ["Økonomiudvalget godkendte den 7. november 2017"]


def test_a_decision_by_the_agent_after_the_word_vedtaget_af():
    graph = read("Besparelserne blev vedtaget af Borgerrepræsentationen d. 30. november 2023.")
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, decided) == ("Borgerrepræsentationens beslutning 30. november 2023", "Borgerrepræsentationen")
    assert graph.nodes[decided.source].props["date"] == "2023-11-30"


def test_a_decision_headed_beslutning_with_the_body_and_date_after_it():
    graph = read("BESLUTNING: Økonomiudvalget den 05-01-2022\n\nGodkendt.")
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, decided) == ("Økonomiudvalgets beslutning 5. januar 2022", "Økonomiudvalget")
    assert graph.nodes[decided.source].props["date"] == "2022-01-05"


def test_a_decision_by_the_subject_after_a_finite_verb():
    graph = read(
        "På baggrund af en evaluering af Agenda 21 Borgergruppen, besluttede Økonomiudvalget "
        "på sit møde den 14. juni 2010 at sammenlægge de to fora."
    )
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, decided) == ("Økonomiudvalgets beslutning 14. juni 2010", "Økonomiudvalget")
    assert quotes(decided) == ["besluttede Økonomiudvalget på sit møde den 14. juni 2010"]


def test_a_decision_in_a_named_body_on_a_date():
    graph = read("Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nGodkendt")
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, decided) == ("Udvalget for Ældre og Sundheds beslutning 4. juni 2020", "Udvalget for Ældre og Sundhed")


def test_a_genitive_before_another_noun_is_not_who_decided():
    graph = read("På mødet har byrådets partier den 11. juni 2021 aftalt, at strukturen ændres.")
    assert of_type(graph, "DECIDED_BY") == []


def test_a_genitive_before_its_meeting_is_who_decided():
    graph = read("Økonomiudvalget har på Økonomiudvalgets møde den 22. august 2017 besluttet at gå videre.")
    decided = only(graph, "DECIDED_BY", DECISION_RULE)
    assert named(graph, decided) == ("Økonomiudvalgets beslutning 22. august 2017", "Økonomiudvalget")


@pytest.mark.parametrize(
    "header", ["Sagsnr.: 2010-56551", "14. Udpegning af repræsentanter (2010-56551)"], ids=["labelled", "kk.dk title"]
)
def test_a_decision_on_the_latest_date_carries_the_case_number(header):
    graph = read(
        f"{header}\n\nLokaldemokratiudvalget besluttede den 14. juni 2010 at sammenlægge fora.\n\n"
        "Byrådet godkendte den 20. september 2010 indstillingen."
    )
    case_numbers = {n.name: n.props.get("case_number") for n in graph.nodes.values() if n.label == "Decision"}
    assert case_numbers == {
        "Lokaldemokratiudvalgets beslutning 14. juni 2010": None,
        "Byrådets beslutning 20. september 2010": "2010-56551",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Økonomiudvalget godkendte indstillingen.",
        "Økonomiudvalget mødes igen den 7. november 2017.",
        "Økonomiudvalget godkendte, at ordningen gælder fra 1. april 2024.",
    ],
    ids=["no date", "no decision word", "only a date the change takes effect"],
)
def test_no_decision_without_a_body_a_decision_word_and_a_decision_date(text):
    graph = read(text)
    assert of_type(graph, "DECIDED_BY") == []
    assert [n for n in graph.nodes.values() if n.label == "Decision"] == []


# ------------------------------------------------------------ dissolution

DISSOLUTION = (
    "Implementeringsgrupperne nedlægges pr. 1. april 2024 som en del af udmøntningen af de administrative "
    "besparelser i centre og områder i BUF, som blev vedtaget af Borgerrepræsentationen d. 30. november 2023."
)


def test_a_dissolution_by_a_councils_decision_takes_effect_on_its_own_date():
    graph = read(DISSOLUTION)
    dissolved = only(graph, "DISSOLVED", "dissolution")
    decision = graph.nodes[dissolved.source]
    groups = node(graph, "Group", "Implementeringsgrupperne")
    assert decision.label == "Decision" and decision.props["date"] == "2023-11-30"
    assert dissolved.target == groups.id
    assert dissolved.props["date"] == "2024-04-01"
    assert groups.props["valid_to"] == "2024-04-01"
    assert quotes(dissolved) == [DISSOLUTION]
    (decided,) = of_type(graph, "DECIDED_BY")
    assert (decided.source, graph.nodes[decided.target].name) == (decision.id, "Borgerrepræsentationen")


def test_a_dissolution_decided_by_a_committee_is_the_committees():
    text = "Økonomiudvalget godkendte, at implementeringsgrupperne nedlægges pr. 1. april 2024."
    graph = read(text)
    dissolved = only(graph, "DISSOLVED", "dissolution")
    assert named(graph, dissolved) == ("Økonomiudvalget", "Implementeringsgrupperne")
    assert dissolved.props["date"] == "2024-04-01"


def test_a_denied_dissolution_is_no_dissolution():
    graph = read("Borgerrepræsentationen besluttede d. 30. november 2023 ikke at nedlægge implementeringsgrupperne.")
    assert of_type(graph, "DISSOLVED") == []


# ------------------------------------------------------------ establishment


def test_a_council_establishes_a_committee_without_a_date():
    text = "Aalborg Byråd besluttede at nedsætte Digitaliseringsudvalget."
    graph = read(text)
    established = only(graph, "ESTABLISHED", "establishment")
    assert named(graph, established) == ("Aalborg Byråd", "Digitaliseringsudvalget")
    assert graph.nodes[established.source].label == "Council"
    assert graph.nodes[established.target].label == "Committee"
    assert "date" not in established.props
    assert "valid_from" not in graph.nodes[established.target].props
    assert quotes(established) == [text]


def test_an_end_date_is_not_the_date_a_body_is_established():
    graph = read("Byrådet besluttede at nedsætte et strukturudvalg, som skulle fungere indtil 31. december 2012.")
    established = only(graph, "ESTABLISHED", "establishment")
    assert named(graph, established) == ("Byrådet", "Strukturudvalg")
    assert established.props.get("date") != "2012-12-31"
    assert graph.nodes[established.target].props.get("valid_from") != "2012-12-31"


def test_a_body_that_has_set_up_committees_earlier_established_them_not_its_later_decision():
    text = (
        "Borgerrepræsentationen godkendte den 24. juni 2022 en ny betegnelse. "
        "Borgerrepræsentationen har på indstilling fra Kultur- og Fritidsudvalget nedsat fire udvalg: "
        "Rådet for Visuel Kunst, Scenekunstudvalget, Musikudvalget samt Nattelivsudvalget."
    )
    graph = read(text)
    established = sorted(named(graph, r) for r in of_type(graph, "ESTABLISHED"))
    assert established == [
        ("Borgerrepræsentationen", "Musikudvalget"),
        ("Borgerrepræsentationen", "Nattelivsudvalget"),
        ("Borgerrepræsentationen", "Scenekunstudvalget"),
    ]


def test_a_body_set_up_for_a_term_is_dissolved_by_its_founder_when_the_term_ends():
    text = "Byrådet besluttede at nedsætte et strukturudvalg, som skulle fungere indtil 31. december 2012."
    graph = read(text)
    dissolved = only(graph, "DISSOLVED", "fixed_term")
    assert named(graph, dissolved) == ("Byrådet", "Strukturudvalg")
    assert dissolved.props["date"] == "2012-12-31"
    assert graph.nodes[dissolved.target].props["valid_to"] == "2012-12-31"
    assert quotes(dissolved) == [text]


def test_an_end_date_of_something_else_is_no_term():
    graph = read("Byrådet besluttede at nedsætte et strukturudvalg og at drøfte sagen indtil 31. december 2012.")
    assert of_type(graph, "DISSOLVED") == []


def test_a_body_recommended_to_set_up_a_group_has_not_set_it_up():
    graph = read(
        "Udvalget indstiller at anbefale Økonomiudvalget og Borgerrepræsentationen at sikre evalueringen "
        "ved at etablere en uafhængig følgegruppe."
    )
    assert of_type(graph, "ESTABLISHED") == []


def test_a_denied_establishment_is_no_establishment():
    graph = read("Aalborg Byråd besluttede ikke at nedsætte Digitaliseringsudvalget.")
    assert of_type(graph, "ESTABLISHED") == []


# ------------------------------------------------------------ mandates

ANCHORING = "Frisættelsesforsøg 2.0 forankres i HR-kredsen, der således vil fungere som styregruppe for forsøget."


def test_anchoring_with_a_steering_group_is_a_steering_mandate():
    graph = read(ANCHORING)
    mandate = only(graph, "MANDATE", "mandate_anchoring")
    assert named(graph, mandate) == ("HR-kredsen", "Frisættelsesforsøg 2.0")
    assert graph.nodes[mandate.target].label == "Initiative"
    assert mandate.props["role"] == "steering"
    assert quotes(mandate) == [ANCHORING]


def test_anchoring_alone_makes_the_body_owner():
    graph = read("Frisættelsesforsøg 2.0 forankres i HR-kredsen.")
    mandate = only(graph, "MANDATE", "mandate_anchoring")
    assert named(graph, mandate) == ("HR-kredsen", "Frisættelsesforsøg 2.0")
    assert mandate.props["role"] == "owner"


def test_a_body_that_only_discusses_an_initiative_holds_no_mandate():
    graph = read("Frisættelsesforsøg 2.0 drøftes i HR-kredsen.")
    assert of_type(graph, "MANDATE") == []


@pytest.mark.parametrize(
    "text, role",
    [
        ("Økonomiforvaltningen er projektejer for frisættelsesforsøg 2.0.", "owner"),
        ("Økonomiforvaltningen har ansvaret for frisættelsesforsøg 2.0.", "responsible"),
        ("HR-kredsen er rådgivende i frisættelsesforsøg 2.0.", "advisory"),
    ],
)
def test_a_stated_role_is_a_mandate_with_that_role(text, role):
    graph = read(text)
    mandate = only(graph, "MANDATE", "mandate_role")
    assert graph.nodes[mandate.target].name == "Frisættelsesforsøg 2.0"
    assert graph.nodes[mandate.source].label in {"Administration", "Group"}
    assert mandate.props["role"] == role
    assert quotes(mandate) == [text]


def test_an_initiative_served_by_a_secretariat_gives_the_secretariat_mandate_to_the_agent():
    graph = read("Frisættelsesforsøg 2.0 sekretariatsbetjenes af Økonomiforvaltningen.")
    mandate = only(graph, "MANDATE", "mandate_role")
    assert named(graph, mandate) == ("Økonomiforvaltningen", "Frisættelsesforsøg 2.0")
    assert mandate.props["role"] == "secretariat"


def test_an_initiative_named_far_after_a_role_word_is_not_its_object():
    graph = read("Formålet med projektklyngerne er at sikre lokalt ejerskab og at understøtte arbejdet i fremfærdprojektet.")
    assert of_type(graph, "MANDATE") == []


def test_a_body_that_mentions_an_initiative_holds_no_stated_role():
    graph = read("Økonomiforvaltningen omtaler frisættelsesforsøg 2.0 i sit svar.")
    assert of_type(graph, "MANDATE") == []


# ------------------------------------------------------------ reporting

REPORTING = (
    "Frisættelsesforsøg 2.0 afsluttes med en slutevaluering, der forelægges Økonomiudvalget og "
    "Borgerrepræsentationen."
)


def test_an_evaluation_laid_before_two_bodies_reports_to_both():
    graph = read(REPORTING)
    reports = of_type(graph, "REPORTS_TO")
    assert sorted(named(graph, r) for r in reports) == [
        ("Frisættelsesforsøg 2.0", "Borgerrepræsentationen"),
        ("Frisættelsesforsøg 2.0", "Økonomiudvalget"),
    ]
    for relation in reports:
        assert relation.rules == {"reporting"}
        assert quotes(relation) == [REPORTING]


def test_an_ocr_garbled_reporting_word_and_body_still_report():
    graph = read(
        "Frisættelsesforsøg 2.0 afsluttes med en slutevaluering, der forelegges @konomiudvalget og "
        "Borgerrepræsentationen."
    )
    assert sorted(named(graph, r) for r in of_type(graph, "REPORTS_TO")) == [
        ("Frisættelsesforsøg 2.0", "Borgerrepræsentationen"),
        ("Frisættelsesforsøg 2.0", "Økonomiudvalget"),
    ]


def test_the_analysis_a_body_made_reports_not_the_body():
    text = "Ressortanalysen gennemføres i 2024. Resultaterne af ressortsekretariatets analyse afrapporteres til Økonomiudvalget."
    graph = read(text)
    report = only(graph, "REPORTS_TO", "reporting")
    assert named(graph, report) == ("Ressortanalysen", "Økonomiudvalget")


def test_a_group_whose_statement_is_laid_before_a_body_reports_to_it():
    graph = read("Følgegruppens endelige udtalelse forelægges Økonomiudvalget.")
    report = only(graph, "REPORTS_TO", "reporting")
    assert named(graph, report) == ("Følgegruppen", "Økonomiudvalget")


def test_a_body_named_right_before_forelaegges_receives_the_report_on_the_documents_initiative():
    text = (
        "Jobcenterreformen er baggrunden. Ressortanalysen skal afdække ressortopdelingen, og analysen "
        "gennemføres i 2024 for Økonomiudvalget (ØU).\t5/3 ØU forelægges endelig analyseplan"
    )
    graph = read(text)
    report = only(graph, "REPORTS_TO", "reporting_receiver_first")
    assert named(graph, report) == ("Ressortanalysen", "Økonomiudvalget")
    assert quotes(report) == ["ØU forelægges endelig analyseplan"]


def test_a_body_that_lays_a_plan_before_another_is_no_receiver():
    graph = read("Ressortanalysen er i gang. Økonomiforvaltningen forelægges planen.")
    assert of_type(graph, "REPORTS_TO") == []


def test_the_bare_group_word_is_the_one_group_the_document_qualifies():
    graph = read(
        "Der etableres en uafhængig følgegruppe. Følgegruppens endelige udtalelse forelægges Økonomiudvalget."
    )
    groups = [n for n in graph.nodes.values() if n.label == "Group"]
    assert len(groups) == 1
    assert {"uafhængig følgegruppe", "Følgegruppens"} <= groups[0].aliases
    report = only(graph, "REPORTS_TO", "reporting")
    assert graph.nodes[report.source] is groups[0]


def test_the_bare_group_word_stays_apart_when_two_groups_are_qualified():
    graph = read("Der er en politisk følgegruppe og en administrativ følgegruppe. Følgegruppen mødes.")
    assert len([n for n in graph.nodes.values() if n.label == "Group"]) == 3


def test_the_documents_analysis_treated_in_two_bodies_reports_to_both():
    text = "Ressortanalysen afsluttes i 2025.\tBehandling i Økonomiudvalget og Borgerrepræsentationen i februar 2025"
    graph = read(text)
    assert sorted(named(graph, r) for r in of_type(graph, "REPORTS_TO")) == [
        ("Ressortanalysen", "Borgerrepræsentationen"),
        ("Ressortanalysen", "Økonomiudvalget"),
    ]


def test_bodies_named_without_a_reporting_word_receive_no_report():
    graph = read(
        "Frisættelsesforsøg 2.0 afsluttes med en slutevaluering, som Økonomiudvalget og "
        "Borgerrepræsentationen har bedt om."
    )
    assert of_type(graph, "REPORTS_TO") == []


# ------------------------------------------------------------ proposal

PROPOSAL = "Økonomiforvaltningen indstiller over for Økonomiudvalget, at planen godkendes."


def test_the_administration_that_recommends_proposed_the_committees_decision():
    graph = read(PROPOSAL + "\n\nBeslutning: Økonomiudvalget godkendte den 7. november 2017 indstillingen.")
    proposed = only(graph, "PROPOSED_BY", "proposal")
    decision = graph.nodes[proposed.source]
    assert decision.label == "Decision" and decision.props["date"] == "2017-11-07"
    assert graph.nodes[proposed.target] is node(graph, "Administration", "Økonomiforvaltningen")
    assert quotes(proposed) == [PROPOSAL]


def test_a_committee_that_recommends_to_the_council_proposed_its_decision():
    graph = read(
        "Lokaldemokratiudvalget anbefaler overfor Byrådet, at to repræsentanter udpeges.\n\n"
        "Byrådet godkendte den 20. september 2010 indstillingen."
    )
    proposed = only(graph, "PROPOSED_BY", "proposal")
    assert named(graph, proposed) == ("Byrådets beslutning 20. september 2010", "Lokaldemokratiudvalget")


MINUTES = (
    "BESLUTNING: Økonomiudvalget den 05-01-2022\n\n"
    "Administrationens forslag anbefales over for Kommunalbestyrelsen.\n\n"
    "BESLUTNING: Kommunalbestyrelsen den 05-01-2022\n\nGodkendt."
)


def test_a_recommendation_in_a_committees_minutes_proposes_the_councils_decision():
    graph = read(MINUTES)
    proposed = only(graph, "PROPOSED_BY", "proposal_in_minutes")
    assert named(graph, proposed) == ("Kommunalbestyrelsens beslutning 5. januar 2022", "Økonomiudvalget")
    assert quotes(proposed) == ["Administrationens forslag anbefales over for Kommunalbestyrelsen."]


def test_a_recommendation_before_any_recorded_decision_proposes_nothing():
    graph = read("Forslaget anbefales over for Kommunalbestyrelsen.\n\nBESLUTNING: Kommunalbestyrelsen den 05-01-2022")
    assert of_type(graph, "PROPOSED_BY") == []


SIGNED = (
    "Mødedato: 18.01.2018, kl. 17:30\n\nIndstilling om,\n\n  1. at overborgmesteren udpeges.\n\n"
    "(Økonomiforvaltningen)\n\nBeslutning\n\nBorgerrepræsentationens beslutning i mødet den 18. januar 2018"
)


def test_the_body_signing_a_recommendation_proposed_the_decision_of_the_meeting():
    graph = read(SIGNED)
    proposed = only(graph, "PROPOSED_BY", "proposer_signature")
    assert named(graph, proposed) == ("Borgerrepræsentationens beslutning 18. januar 2018", "Økonomiforvaltningen")
    assert quotes(proposed) == ["(Økonomiforvaltningen)"]


def test_a_signature_proposes_no_decision_of_another_day():
    graph = read(SIGNED.replace("18. januar 2018", "6. marts 2017"))
    assert of_type(graph, "PROPOSED_BY") == []


def test_an_administration_that_only_suggests_proposes_nothing():
    graph = read(
        "Økonomiforvaltningen foreslår, at planen godkendes.\n\n"
        "Beslutning: Økonomiudvalget godkendte den 7. november 2017 indstillingen."
    )
    assert of_type(graph, "PROPOSED_BY") == []


# ------------------------------------------------------------ participation


def test_a_body_that_takes_part_with_a_chosen_model():
    text = "Børne- og Ungdomsforvaltningen ønsker at deltage i frisættelsesforsøg 2.0 og vil tage udgangspunkt i model a)."
    graph = read(text)
    takes_part = only(graph, "PARTICIPATES_IN", "participation")
    assert named(graph, takes_part) == ("Børne- og Ungdomsforvaltningen", "Frisættelsesforsøg 2.0")
    assert takes_part.props["model"] == "a"
    assert quotes(takes_part) == [text]


def test_a_body_that_expects_not_to_take_part_does_not():
    graph = read("Frisættelsesforsøg 2.0 er i gang. Dog forventer Økonomiforvaltningen ikke at deltage i forsøget.")
    assert of_type(graph, "PARTICIPATES_IN") == []


def test_only_the_body_that_takes_part_does():
    graph = read("Socialforvaltningen deltager i frisættelsesforsøg 2.0, men Økonomiforvaltningen forventer ikke at deltage.")
    takes_part = only(graph, "PARTICIPATES_IN", "participation")
    assert named(graph, takes_part) == ("Socialforvaltningen", "Frisættelsesforsøg 2.0")
    assert "model" not in takes_part.props


# ------------------------------------------------------------ involvement


def test_a_body_drawn_into_the_documents_analysis_takes_part_in_it():
    text = "Ressortanalysen gennemføres i 2024. Analysen foretages med løbende inddragelse af den politiske styregruppe."
    graph = read(text)
    taking_part = only(graph, "PARTICIPATES_IN", "involvement")
    assert named(graph, taking_part) == ("Politiske styregruppe", "Ressortanalysen")
    assert quotes(taking_part) == ["Analysen foretages med løbende inddragelse af den politiske styregruppe."]


def test_a_body_named_long_after_inddragelse_is_not_drawn_in():
    text = "Ressortanalysen foretages med inddragelse af relevante fagområder, og Økonomiudvalget orienteres."
    assert of_type(read(text), "PARTICIPATES_IN") == []


# ------------------------------------------------------------ membership


def test_the_persons_listed_on_the_lines_after_bestod_af_are_members():
    text = (
        "Strukturudvalget bestod af:\n"
        "Jesper Christensen (A) (forperson)\n"
        "Susan Hedlund (A)\n"
        "Klaus Mygind (F)\n"
        "\n"
        "Kontakt\n"
        "Peter Hansen (V)"
    )
    graph = read(text)
    members = of_type(graph, "MEMBER_OF")
    assert sorted(named(graph, r) for r in members) == [
        ("Jesper Christensen", "Strukturudvalget"),
        ("Klaus Mygind", "Strukturudvalget"),
        ("Susan Hedlund", "Strukturudvalget"),
    ]
    listed = text[: text.index("\n\nKontakt")]
    for relation in members:
        assert relation.rules == {"membership"}
        assert quotes(relation) == [listed]
    assert node(graph, "Person", "Klaus Mygind").props["party"] == "F"


def test_a_members_line_ends_at_the_next_header_line():
    text = (
        "Udvalg: Økonomiudvalget\n"
        "Medlemmer: Flemming Blønd (L), Helle Barth (V)\n"
        "Afbud fra: Peter Læssøe (T)"
    )
    graph = read(text)
    assert sorted(named(graph, r) for r in of_type(graph, "MEMBER_OF")) == [
        ("Flemming Blønd", "Økonomiudvalget"),
        ("Helle Barth", "Økonomiudvalget"),
    ]


def test_a_list_that_ends_inside_its_line_does_not_run_on_to_the_next_lines():
    text = (
        "Udvalget anbefaler Byrådet at udpege repræsentanter (med en bred repræsentation fra flere fagudvalg). "
        "Formanden Lene Koustrup Madsen har aftalt sagen med Michael Rex.\n"
        "Teknisk Udvalg anbefaler, at Jesper Gersholm udpeges."
    )
    assert of_type(read(text), "MEMBER_OF") == []


def test_the_organisations_named_right_after_a_person_are_the_persons_affiliations():
    text = "Arbejdsgruppen består af: Christina Borries, FOA, Hans Jessen, Sundhedskartellet/KL og Lars Hansen (F)."
    graph = read(text)
    affiliations = sorted(named(graph, r) for r in of_type(graph, "MEMBER_OF") if "affiliation" in r.rules)
    foa = node(graph, "Organisation", "FOA").name  # the registry's full name
    assert affiliations == [("Christina Borries", foa), ("Hans Jessen", "KL"), ("Hans Jessen", "Sundhedskartellet")]
    christina = next(r for r in of_type(graph, "MEMBER_OF") if named(graph, r) == ("Christina Borries", foa))
    assert quotes(christina) == ["Christina Borries, FOA"]


def test_an_organisation_named_later_in_the_sentence_is_no_affiliation():
    graph = read("Christina Borries har talt med FOA om sagen.")
    assert of_type(graph, "MEMBER_OF") == []


def test_x_er_medlem_af_y_makes_x_a_member_of_y():
    text = "Københavns Kommune er medlem af Øresundskomiteen."
    graph = read(text)
    member = only(graph, "MEMBER_OF", "stated_membership")
    assert named(graph, member) == ("Københavns Kommune", "Øresundskomiteen")
    assert quotes(member) == ["Københavns Kommune er medlem af Øresundskomiteen"]


def test_persons_appointed_to_a_body_are_its_members():
    graph = read("Lene Koustrup Madsen og Henning Jørgensen blev udpeget til det nye Klima- og Agenda 21 Råd.")
    members = sorted(named(graph, r) for r in of_type(graph, "MEMBER_OF"))
    assert members == [("Henning Jørgensen", "Klima- og Agenda 21 Råd"), ("Lene Koustrup Madsen", "Klima- og Agenda 21 Råd")]
    assert all("appointment" in r.rules for r in of_type(graph, "MEMBER_OF"))


def test_a_person_named_apart_from_the_appointment_is_not_appointed():
    graph = read("Lene Koustrup Madsen meddelte, at forvaltningen blev udpeget til Klima- og Agenda 21 Rådet.")
    assert of_type(graph, "MEMBER_OF") == []


def test_the_parties_named_after_an_agreement_take_part_in_it():
    graph = read("I aftalen om kommunernes økonomi i 2014 mellem KL og Regeringen er der ikke fastsat et loft.")
    parties = sorted(named(graph, r) for r in of_type(graph, "PARTICIPATES_IN"))
    assert parties == [("KL", "Aftalen om kommunernes økonomi i 2014"), ("regeringen", "Aftalen om kommunernes økonomi i 2014")]
    assert quotes(of_type(graph, "PARTICIPATES_IN")[0])[0].startswith("aftalen om kommunernes økonomi i 2014 mellem KL")


def test_an_agreement_without_parties_is_no_initiative():
    graph = read("Det følger af aftalen om kommunernes økonomi, at KL og Regeringen mødes.")
    assert [n for n in graph.nodes.values() if n.label == "Initiative"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hun har aftalt med formanden for Teknisk Udvalg, Michael Rex, at sagen udsættes.",
        "Michael Rex, formand for Teknisk Udvalg, har meddelt det.",
    ],
)
def test_the_chair_of_a_body_is_its_member(text):
    member = only(read(text), "MEMBER_OF", "chair")
    assert named(read(text), member) == ("Michael Rex", "Teknisk Udvalg")


def test_a_chair_named_apart_from_the_person_is_no_membership():
    graph = read("Formanden for Teknisk Udvalg har talt med Michael Rex om sagen.")
    assert of_type(graph, "MEMBER_OF") == []


def test_a_body_named_far_before_medlem_af_is_not_the_member():
    graph = read("Økonomiudvalget godkendte, at overborgmesteren er medlem af Øresundskomiteen.")
    assert of_type(graph, "MEMBER_OF") == []


def test_persons_a_committee_meets_are_not_its_members():
    graph = read("Strukturudvalget mødtes med Jesper Christensen (A) og Susan Hedlund (A).")
    assert of_type(graph, "MEMBER_OF") == []


def test_an_organisations_numbered_committees_are_part_of_it():
    text = "KL's seks politiske udvalg får nye formænd.\nLøn- og Personaleudvalget: Ledelse samles her."
    graph = read(text)
    part = only(graph, "PART_OF", "owned_committees")
    assert named(graph, part) == ("Løn- og Personaleudvalget", "KL")
    assert quotes(part) == ["KL's seks politiske udvalg får nye formænd."]


def test_a_board_named_by_its_owner_is_part_of_the_owner():
    graph = read("KOMBIT indkøber it-løsninger. Gennem KOMBITs bestyrelse (udgøres af fem borgmestre) styres de.")
    part = only(graph, "PART_OF", "owned_body_part_of")
    board, owner = (graph.nodes[part.source], graph.nodes[part.target])
    assert (board.label, board.name) == ("Group", "KOMBITs bestyrelse")
    assert owner.label == "Organisation" and "KOMBIT" in owner.aliases
    assert quotes(part) == ["KOMBITs bestyrelse"]


def test_a_board_whose_owner_the_document_does_not_name_is_part_of_nothing():
    graph = read("Gennem Fremfærds bestyrelse styres projektet.")
    assert of_type(graph, "PART_OF") == []


def test_a_municipalitys_committees_are_not_part_of_the_municipality():
    graph = read("Aalborg Kommunes seks stående udvalg mødes. Økonomiudvalget godkendte planen.")
    assert of_type(graph, "PART_OF") == []


# ------------------------------------------------------------ interface

INTERFACE = "Der er snitflader mellem Teknik- og Miljøforvaltningen og Økonomiforvaltningen om byggesager."


def test_snitflader_mellem_two_bodies_is_an_interface():
    graph = read(INTERFACE)
    interface = only(graph, "INTERFACE", "interface")
    assert set(named(graph, interface)) == {"Teknik- og Miljøforvaltningen", "Økonomiforvaltningen"}
    assert quotes(interface) == [INTERFACE]


def test_i_samarbejde_med_a_body_is_an_interface_with_it():
    graph = read("Sekretariatet for Fremfærd arbejder i samarbejde med HR-kredsen om projektet.")
    interface = only(graph, "INTERFACE", "interface")
    assert set(named(graph, interface)) == {"Sekretariatet for Fremfærd", "HR-kredsen"}


def test_sammen_med_something_else_is_no_interface_with_a_body_named_later():
    graph = read("Arbejdsgruppen fastlægges sammen med udformning og deltagelse i projektklynger.")
    assert of_type(graph, "INTERFACE") == []


def test_two_bodies_named_together_have_no_interface():
    graph = read("Teknik- og Miljøforvaltningen og Økonomiforvaltningen behandler byggesager.")
    assert of_type(graph, "INTERFACE") == []


# ------------------------------------------------------------ replacement


def test_x_erstattes_af_y_replaces_x_by_y_on_the_stated_date():
    text = "Implementeringsgrupperne erstattes af Koordinationsforummet pr. 1. april 2024."
    graph = read(text)
    replaced = only(graph, "REPLACED_BY", "replacement")
    assert named(graph, replaced) == ("Implementeringsgrupperne", "Koordinationsforummet")
    assert replaced.props["date"] == "2024-04-01"
    assert quotes(replaced) == [text]


def test_y_afloeser_x_replaces_x_by_y():
    graph = read("Koordinationsforummet afløser implementeringsgrupperne.")
    replaced = only(graph, "REPLACED_BY", "replacement")
    assert named(graph, replaced) == ("Implementeringsgrupperne", "Koordinationsforummet")
    assert "date" not in replaced.props


def test_a_new_name_for_a_committee_is_no_successor():
    graph = read("Navnet ”By-, Erhvervs- og Klimaudvalg” ændres til ”Klima-, By- og Erhvervsudvalg”, forkortet KBEU.")
    assert of_type(graph, "REPLACED_BY") == []


def test_a_replacement_takes_effect_on_the_date_after_pr_not_on_an_earlier_decision_date():
    graph = read(
        "Implementeringsgrupperne, som Borgerrepræsentationen nedsatte d. 30. november 2023, "
        "erstattes af Koordinationsforummet pr. 1. april 2024."
    )
    replaced = only(graph, "REPLACED_BY", "replacement")
    assert named(graph, replaced) == ("Implementeringsgrupperne", "Koordinationsforummet")
    assert replaced.props["date"] == "2024-04-01"


def test_y_afloeser_x_with_the_date_first_still_replaces_x_by_y():
    graph = read("Pr. 1. april 2024 afløser Koordinationsforummet implementeringsgrupperne.")
    replaced = only(graph, "REPLACED_BY", "replacement")
    assert named(graph, replaced) == ("Implementeringsgrupperne", "Koordinationsforummet")
    assert replaced.props["date"] == "2024-04-01"


SUCCESSION = "De opgaver som hørte under Skoleudvalget overføres også til Børne-, Fritids- og Kulturudvalget."


def test_the_body_that_takes_over_a_closed_bodys_tasks_succeeds_it():
    graph = read("Det er aftalt at nedlægge Skoleudvalget.\n\n" + SUCCESSION)
    replaced = only(graph, "REPLACED_BY", "task_succession")
    assert named(graph, replaced) == ("Skoleudvalget", "Børne-, Fritids- og Kulturudvalget")
    assert quotes(replaced) == [SUCCESSION]


def test_tasks_moving_from_a_body_that_goes_on_is_no_succession():
    graph = read(SUCCESSION)
    assert of_type(graph, "REPLACED_BY") == []


def test_bodies_that_work_together_do_not_replace_each_other():
    graph = read("Koordinationsforummet arbejder sammen med implementeringsgrupperne.")
    assert of_type(graph, "REPLACED_BY") == []


# ------------------------------------------------------------ letterhead


def test_a_letterhead_puts_the_lesser_body_inside_the_greater():
    graph = read("Ressortsekretariatet\nØkonomiforvaltningen\nKøbenhavns Kommune\n\nKære Rasmus")
    part_of = only(graph, "PART_OF", "letterhead_hierarchy")
    assert named(graph, part_of) == ("Ressortsekretariatet", "Økonomiforvaltningen")
    assert quotes(part_of) == ["Ressortsekretariatet\nØkonomiforvaltningen"]


def test_a_centre_in_a_letterhead_ranks_above_its_secretariat():
    graph = read("Center for Politik og HR\nLedelsessekretariatet\nRådhuspladsen 1")
    part_of = only(graph, "PART_OF", "letterhead_hierarchy")
    assert named(graph, part_of) == ("Ledelsessekretariatet", "Center for Politik og HR")


def test_bodies_in_separate_paragraphs_are_no_letterhead():
    graph = read("Ressortsekretariatet\n\nØkonomiforvaltningen har svaret i en lang sætning om noget helt andet.")
    assert of_type(graph, "PART_OF") == []


# ------------------------------------------------------------ decision concerns


def test_a_decision_concerns_the_initiative_named_in_its_sentence():
    text = "Økonomiudvalget godkendte den 7. november 2017 frisættelsesforsøg 2.0."
    graph = read(text)
    concerns = only(graph, "CONCERNS", "decision_concerns")
    assert graph.nodes[concerns.source].label == "Decision"
    assert graph.nodes[concerns.target] is node(graph, "Initiative", "Frisættelsesforsøg 2.0")
    assert quotes(concerns) == [text]


def test_a_decision_does_not_concern_what_a_relative_clause_elaborates():
    graph = read(
        "Økonomiudvalget tiltrådte den 15. juni 2010 indstillingen, som indebærer et nyt forum, "
        "herunder særligt daginstitutionsområdet."
    )
    assert [r for r in of_type(graph, "CONCERNS") if "decision_concerns" in r.rules] == []


def test_a_decision_does_not_concern_an_initiative_in_another_sentence():
    graph = read("Økonomiudvalget godkendte den 7. november 2017 budgettet. Frisættelsesforsøg 2.0 starter senere.")
    assert [r for r in of_type(graph, "CONCERNS") if "decision_concerns" in r.rules] == []


def test_an_establishment_of_several_bodies_sets_up_each():
    graph = read("Borgerrepræsentationen har nedsat Scenekunstudvalget, Musikudvalget samt Nattelivsudvalget.")
    established = [r for r in of_type(graph, "ESTABLISHED") if "establishment" in r.rules]
    assert {named(graph, r) for r in established} == {
        ("Borgerrepræsentationen", "Scenekunstudvalget"),
        ("Borgerrepræsentationen", "Musikudvalget"),
        ("Borgerrepræsentationen", "Nattelivsudvalget"),
    }


def test_the_body_that_proposed_is_not_the_one_that_set_up():
    graph = read("Borgerrepræsentationen har på indstilling fra Kultur- og Fritidsudvalget nedsat Musikudvalget.")
    established = only(graph, "ESTABLISHED", "establishment")
    assert named(graph, established) == ("Borgerrepræsentationen", "Musikudvalget")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Strukturudvalget blev nedsat af Borgerrepræsentationen.", None),
        ("Borgerrepræsentationen har nedsat Strukturudvalget.", ("Borgerrepræsentationen", "Strukturudvalget")),
    ],
    ids=["passive participle: the subject is set up", "active perfect: the object is set up"],
)
def test_active_and_passive_forms_point_at_what_is_set_up(text, expected):
    established = [r for r in of_type(read(text), "ESTABLISHED") if "establishment" in r.rules]
    if expected is None:
        assert established == []  # the subject changes, and nobody before it acted
    else:
        assert [named(read(text), r) for r in established] == [expected]


# ------------------------------------------------------------ what a decision is about, who takes part


def test_a_decision_that_names_nothing_concerns_what_the_document_is_about():
    graph = read(
        "Plan for frisættelsesforsøg 2.0.\n\nFrisættelsesforsøg 2.0 starter 1. januar 2018.\n\n"
        "Økonomiudvalgets beslutning i mødet den 7. november 2017\n\nIndstillingen blev godkendt."
    )
    concerns = only(graph, "CONCERNS", "decision_concerns_subject")
    assert named(graph, concerns) == ("Økonomiudvalgets beslutning 7. november 2017", "Frisættelsesforsøg 2.0")
    assert quotes(concerns) == ["Økonomiudvalgets beslutning i mødet den 7. november 2017"]


def test_an_initiative_named_once_in_a_list_of_items_is_not_what_the_document_is_about():
    graph = read(
        "56. Status på arbejdsprogrammet 2020+\n\n"
        "Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nGodkendt"
    )
    assert [r for r in of_type(graph, "CONCERNS") if "decision_concerns_subject" in r.rules] == []


def test_a_decision_concerns_the_administration_named_beside_it():
    graph = read(DISSOLUTION)
    concerns = only(graph, "CONCERNS", "decision_concerns_administration")
    assert named(graph, concerns) == ("Borgerrepræsentationens beslutning 30. november 2023", "Børne- og Ungdomsforvaltningen")
    assert quotes(concerns) == [DISSOLUTION]


def test_a_decision_does_not_concern_the_administration_that_proposed_it():
    graph = read("Økonomiforvaltningen indstiller, og Økonomiudvalget godkendte den 7. november 2017 planen.")
    assert [r for r in of_type(graph, "CONCERNS") if "decision_concerns_administration" in r.rules] == []


def test_a_decision_that_names_its_object_is_not_given_the_documents_subject():
    graph = read("Frisættelsesforsøg 2.0 og Ressortanalysen.\n\nØkonomiudvalget godkendte den 7. november 2017 Ressortanalysen.")
    assert [r for r in of_type(graph, "CONCERNS") if "decision_concerns_subject" in r.rules] == []


def test_bodies_in_parentheses_after_an_initiative_take_part_in_it():
    graph = read("Erfaringer fra frisættelsesforsøg 2.0 (BUF, SUF og KFF) indgår i Københavns Kommunes arbejde.")
    taking_part = [r for r in of_type(graph, "PARTICIPATES_IN") if "participants_in_parentheses" in r.rules]
    assert {graph.nodes[r.source].name for r in taking_part} == {
        "Børne- og Ungdomsforvaltningen", "Sundheds- og Omsorgsforvaltningen", "Kultur- og Fritidsforvaltningen"}
    assert {graph.nodes[r.target].name for r in taking_part} == {"Frisættelsesforsøg 2.0"}
    assert quotes(taking_part[0]) == ["frisættelsesforsøg 2.0 (BUF, SUF og KFF)"]


def test_a_parenthesis_that_is_more_than_a_list_of_bodies_names_no_participants():
    graph = read("Frisættelsesforsøg 2.0 (se bilag fra BUF og SUF) i Københavns Kommune.")
    assert [r for r in of_type(graph, "PARTICIPATES_IN") if "participants_in_parentheses" in r.rules] == []


# ------------------------------------------------------------ tasks


def test_a_task_written_in_under_a_committee_is_its_mandate():
    graph = read("Under Børne-, Fritids- og Kulturudvalget er idrætsområdet indskrevet.")
    mandate = only(graph, "MANDATE", "task_under_body")
    assert named(graph, mandate) == ("Børne-, Fritids- og Kulturudvalget", "Idrætsområdet")
    assert mandate.props["role"] == "responsible"
    assert graph.nodes[mandate.target].label == "Task"


def test_under_must_name_the_body_right_away():
    graph = read("Idrætsområdet drøftes under mødet med Kultur- og Fritidsudvalget.")
    assert of_type(graph, "MANDATE") == []


def test_a_task_transferred_to_a_committee_is_held_by_the_receiver():
    graph = read("Hele uddannelsesområdet samles i Børne- og Kulturudvalget fra næste valgperiode.")
    mandate = only(graph, "MANDATE", "task_transfer")
    assert named(graph, mandate) == ("Børne- og Kulturudvalget", "Uddannelsesområdet")
    assert quotes(mandate) == ["Hele uddannelsesområdet samles i Børne- og Kulturudvalget fra næste valgperiode."]


def test_a_task_moved_from_one_committee_to_another_was_held_by_both():
    text = "Regional udvikling flyttes fra Teknik- og Miljøudvalget til Arbejdsmarkeds- og Erhvervsudvalget."
    graph = read(text)
    moved = [r for r in of_type(graph, "MANDATE") if "task_move" in r.rules]
    assert sorted(named(graph, r) for r in moved) == [
        ("Arbejdsmarkeds- og Erhvervsudvalget", "Regional udvikling"),
        ("Teknik- og Miljøudvalget", "Regional udvikling"),
    ]
    assert all(quotes(r) == [text] for r in moved)


def test_a_task_moved_from_a_meeting_is_held_by_no_one():
    graph = read("Regional udvikling flyttes fra mødet i Teknik- og Miljøudvalget.")
    assert of_type(graph, "MANDATE") == []


def test_a_task_no_relation_is_about_is_no_node():
    graph = read("Der er fokus på sundhedsområdet i de kommende år.")
    assert [n for n in graph.nodes.values() if n.label == "Task"] == []


# ------------------------------------------------------------ switching rules off

EVERY_RULE = """Mødedato: 18.01.2018, kl. 17:30

Ressortsekretariatet
Økonomiforvaltningen

Implementeringsgrupperne nedlægges pr. 1. april 2024 som en del af besparelserne i BUF, som blev vedtaget af Borgerrepræsentationen d. 30. november 2023.
Økonomiforvaltningen indstiller over for Økonomiudvalget, at planen godkendes.
Borgerrepræsentationen besluttede at nedsætte Koordinationsforummet, som skal fungere indtil 31. december 2025.
Beslutning: Økonomiudvalget godkendte den 7. november 2017 frisættelsesforsøg 2.0.
Frisættelsesforsøg 2.0 forankres i HR-kredsen, der således vil fungere som styregruppe for forsøget.
Økonomiforvaltningen er projektejer for frisættelsesforsøg 2.0.
Frisættelsesforsøg 2.0 afsluttes med en slutevaluering, der forelægges Økonomiudvalget og Borgerrepræsentationen.
Socialforvaltningen deltager i frisættelsesforsøg 2.0 og vil tage udgangspunkt i model b).
Der er snitflader mellem Teknik- og Miljøforvaltningen og Socialforvaltningen om byggesager.
Implementeringsgrupperne erstattes af Koordinationsforummet.
Under Kultur- og Fritidsudvalget er idrætsområdet indskrevet.
Klimaområdet overføres til Teknik- og Miljøudvalget.
Det er aftalt at nedlægge Skoleudvalget. De opgaver som hørte under Skoleudvalget overføres til Børne- og Kulturudvalget.
Erfaringer fra frisættelsesforsøg 2.0 (BUF, SUF og KFF) indgår.
Projektgruppen består af Hans Jessen, KL.
Københavns Kommune er medlem af Øresundskomiteen.
Lene Koustrup Madsen blev udpeget til HR-kredsen.
I aftalen om kommunernes økonomi mellem KL og Regeringen er intet fastsat.
Hun har aftalt med formanden for Teknisk Udvalg, Michael Rex, at sagen udsættes.
HR-kredsen vil løbende blive orienteret om frisættelsesforsøg 2.0.
Frisættelsesforsøg 2.0 gennemføres med inddragelse af HR-kredsen.
Regional udvikling flyttes fra Teknik- og Miljøudvalget til Socialudvalget.
KL's seks politiske udvalg får nye formænd.
KL’s bestyrelse holder møde.
(Økonomiforvaltningen)
Borgerrepræsentationens beslutning i mødet den 18. januar 2018
Følgegruppen bestod af:
Jesper Christensen (A)
Susan Hedlund (A)

Forslaget anbefales over for Kommunalbestyrelsen.
BESLUTNING: Kommunalbestyrelsen den 05-01-2022
"""


@pytest.fixture(scope="module")
def every_rule() -> Graph:
    return read(EVERY_RULE)


def test_the_text_for_switching_off_exercises_every_rule(every_rule):
    fired = set().union(*(r.rules for r in every_rule.relations.values()))
    assert fired == set(RULES) | {DECISION_RULE}


@pytest.mark.parametrize("name", sorted(RULES))
def test_disabling_a_rule_removes_exactly_its_relations(every_rule, name):
    without = read(EVERY_RULE, frozenset({name}))
    expected = {key for key, r in every_rule.relations.items() if r.rules - {name}}
    assert set(without.relations) == expected
    for key in expected:
        assert without.relations[key].rules == every_rule.relations[key].rules - {name}
    # a task only this rule held a relation about is no node without it
    held = {end for key in expected for end in (every_rule.relations[key].source, every_rule.relations[key].target)}
    tasks_lost = {k for k, n in every_rule.nodes.items() if n.label == "Task" and k not in held}
    assert set(without.nodes) == set(every_rule.nodes) - tasks_lost


def test_disabling_the_decision_finder_leaves_no_decisions(every_rule):
    without = read(EVERY_RULE, frozenset({DECISION_RULE}))
    assert [n for n in without.nodes.values() if n.label == "Decision"] == []
    assert of_type(without, "DECIDED_BY") == []
    assert DECISION_RULE not in set().union(*(r.rules for r in without.relations.values()))
