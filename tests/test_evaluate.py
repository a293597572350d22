"""Scoring an extracted graph against a gold file: every expected count here follows from the construction."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.evaluate import (
    Counts,
    EvaluationReport,
    Gold,
    GoldEntity,
    GoldRelation,
    Scores,
    evaluate_folder,
    format_report,
    load_gold,
    markdown_table,
    normalise_name,
    score_document,
)
from graph.model import Evidence, Graph, Node, Relation, decision_id, node_id

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_dev_corpus = pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason="dev corpus not beside the repo")

DOC = "doc.txt"


def _evidence(quote: str = "tekst") -> set[Evidence]:
    return {Evidence(DOC, 0, len(quote), quote)}


def body(label: str, name: str, *aliases: str) -> Node:
    return Node(node_id(label, name), label, name, set(aliases), evidence=_evidence(name))


def decision(by: Node, day: str) -> Node:
    return Node(decision_id(by.id, day), "Decision", f"beslutning {day}", props={"date": day}, evidence=_evidence())


def rel(type_: str, source: Node, target: Node, *rules: str) -> Relation:
    return Relation(type_, source.id, target.id, evidence=_evidence(), rules=set(rules))


def export(nodes: list[Node], relations: list[Relation] = ()) -> dict:
    graph = Graph()
    for node in nodes:
        graph.add_node(node)
    for relation in relations:
        graph.add_relation(relation)
    return graph.to_dict()


def entity(key: str, label: str, name: str, *aliases: str, **props: str) -> GoldEntity:
    return GoldEntity(key, label, name, aliases, props)


def gold(entities: list[GoldEntity], relations: list[GoldRelation] = ()) -> Gold:
    return Gold(DOC, list(entities), list(relations))


def scores(predicted: dict, expected: Gold) -> Scores:
    return score_document(predicted, expected).scores


OEU = entity("oeu", "Committee", "Økonomiudvalget", "ØU")


def test_a_node_with_the_gold_name_is_a_true_positive():
    result = scores(export([body("Committee", "Økonomiudvalget")]), gold([OEU]))
    assert result.nodes == {"Committee": Counts(tp=1)}


@pytest.mark.parametrize(
    "predicted, expected",
    [
        (body("Committee", "ØU"), entity("oeu", "Committee", "Økonomiudvalget", "ØU")),
        (body("Committee", "ØU", "Økonomiudvalget"), entity("oeu", "Committee", "Økonomiudvalget")),
        (body("Committee", "Udvalget", "ØU"), entity("oeu", "Committee", "Økonomiudvalget", "ØU")),
    ],
    ids=["predicted name is a gold alias", "predicted alias is the gold name", "alias meets alias"],
)
def test_an_alias_on_either_side_matches(predicted, expected):
    assert scores(export([predicted]), gold([expected])).nodes == {"Committee": Counts(tp=1)}


@pytest.mark.parametrize(
    "surface",
    ["Barne- og\nUngdoms-\nforvaltningen", "@konomiforvaltningen"],
)
def test_an_ocr_garbled_name_matches_the_gold_alias_that_spells_it(surface):
    expected = gold([
        entity("buf", "Administration", "Børne- og Ungdomsforvaltningen", "Barne- og Ungdomsforvaltningen"),
        entity("okf", "Administration", "Økonomiforvaltningen", "@konomiforvaltningen"),
    ])
    result = scores(export([body("Administration", surface)]), expected)
    assert result.nodes == {"Administration": Counts(tp=1, fn=1)}


@pytest.mark.parametrize(
    "a, b",
    [
        ("Økonomi-\nudvalget", "ØKONOMIUDVALGET"),
        ("KL's", "KL’s"),
        ("Center for  Politik og HR", "Centerfor Politik og HR."),
    ],
)
def test_normalised_names_fold_case_white_space_and_punctuation(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_normalised_names_keep_danish_letters():
    assert normalise_name("Økonomiudvalget") != normalise_name("Okonomiudvalget")


def test_the_same_name_under_another_label_does_not_match():
    result = scores(export([body("Group", "Økonomiudvalget")]), gold([OEU]))
    assert result.nodes == {"Group": Counts(fp=1), "Committee": Counts(fn=1)}


BR = entity("br", "Council", "Borgerrepræsentationen", "BR")
DECISION_GOLD = gold(
    [BR, OEU, entity("d1", "Decision", "Borgerrepræsentationens beslutning 30. november 2023", date="2023-11-30")],
    [GoldRelation("DECIDED_BY", "d1", "br")],
)


def test_a_decision_matches_on_its_date_and_the_body_that_took_it():
    br = body("Council", "Borgerrepræsentationen")
    taken = decision(br, "2023-11-30")
    result = scores(export([br, taken], [rel("DECIDED_BY", taken, br)]), DECISION_GOLD)
    assert result.nodes["Decision"] == Counts(tp=1)
    assert result.relations == {"DECIDED_BY": Counts(tp=1)}


def test_a_decision_of_the_right_date_by_another_body_does_not_match():
    oeu = body("Committee", "Økonomiudvalget")
    taken = decision(oeu, "2023-11-30")
    result = scores(export([oeu, taken], [rel("DECIDED_BY", taken, oeu)]), DECISION_GOLD)
    assert result.nodes["Decision"] == Counts(fp=1, fn=1)
    assert result.relations == {"DECIDED_BY": Counts(fp=1, fn=1)}


def test_a_decision_by_the_right_body_on_another_date_does_not_match():
    br = body("Council", "Borgerrepræsentationen")
    taken = decision(br, "2023-11-29")
    result = scores(export([br, taken], [rel("DECIDED_BY", taken, br)]), DECISION_GOLD)
    assert result.nodes["Decision"] == Counts(fp=1, fn=1)


BUF = entity("buf", "Administration", "Børne- og Ungdomsforvaltningen", "BUF")
OKF = entity("okf", "Administration", "Økonomiforvaltningen", "ØKF")


def test_interface_matches_in_either_direction_but_part_of_does_not():
    buf, okf = body("Administration", "BUF"), body("Administration", "ØKF")
    expected = gold(
        [BUF, OKF],
        [GoldRelation("INTERFACE", "buf", "okf"), GoldRelation("PART_OF", "buf", "okf")],
    )
    result = scores(export([buf, okf], [rel("INTERFACE", okf, buf), rel("PART_OF", okf, buf)]), expected)
    assert result.relations == {"INTERFACE": Counts(tp=1), "PART_OF": Counts(fp=1, fn=1)}


def test_two_predicted_nodes_for_one_gold_entity_are_one_hit_and_one_false_positive():
    predicted = export([body("Committee", "Økonomiudvalget"), body("Committee", "ØU")])
    assert scores(predicted, gold([OEU])).nodes == {"Committee": Counts(tp=1, fp=1)}


def test_of_two_candidates_the_one_with_the_exact_name_is_the_match():
    okf, short, full = body("Administration", "ØKF"), body("Committee", "ØU"), body("Committee", "Økonomiudvalget")
    expected = gold([OKF, OEU], [GoldRelation("SERVES", "okf", "oeu")])
    result = scores(export([okf, short, full], [rel("SERVES", okf, short)]), expected)
    assert result.relations == {"SERVES": Counts(fp=1, fn=1)}


def test_matching_maximises_the_number_of_pairs_before_preferring_exact_names():
    # "Økonomiudvalget" fits gold oeu by name and gold "Udvalget" by alias; "ØU" fits only oeu.
    expected = gold([OEU, entity("u", "Committee", "Udvalget")])
    predicted = export([body("Committee", "Økonomiudvalget", "Udvalget"), body("Committee", "ØU")])
    assert scores(predicted, expected).nodes == {"Committee": Counts(tp=2)}


def test_registry_only_facts_and_document_nodes_are_not_scored():
    oeu = body("Committee", "Økonomiudvalget")
    kl = Node(node_id("Organisation", "KL"), "Organisation", "KL", sources={"https://www.kl.dk"})
    document = Node(node_id("Document", DOC), "Document", DOC, evidence=_evidence())
    registry_fact = Relation("MEMBER_OF", kl.id, oeu.id, sources={"https://www.kl.dk"})
    result = scores(export([oeu, kl, document], [registry_fact]), gold([OEU]))
    assert result.nodes == {"Committee": Counts(tp=1)}
    assert result.relations == {}


def test_each_rule_that_produced_a_relation_is_credited_with_its_outcome():
    unit, adm, committee = body("Unit", "Ressortsekretariatet"), body("Administration", "ØKF"), body("Committee", "ØU")
    expected = gold(
        [entity("rs", "Unit", "Ressortsekretariatet"), OKF, OEU],
        [GoldRelation("PART_OF", "rs", "okf")],
    )
    relations = [
        rel("PART_OF", unit, adm, "heading_hierarchy", "part_of_phrase"),
        rel("SERVES", adm, committee, "part_of_phrase"),
    ]
    result = scores(export([unit, adm, committee], relations), expected)
    assert result.rules == {"heading_hierarchy": Counts(tp=1), "part_of_phrase": Counts(tp=1, fp=1)}


def test_precision_recall_and_f1_follow_from_the_counts():
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 / 3)
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


def test_core_labels_leave_out_persons_and_tasks():
    result = Scores(nodes={"Person": Counts(tp=4), "Task": Counts(fn=2), "Committee": Counts(fp=1)})
    assert result.core_labels == Counts(fp=1)
    assert result.all_nodes == Counts(tp=4, fp=1, fn=2)


def _write_gold(folder: Path, stem: str, name: str) -> None:
    (folder / f"{stem}.txt").write_text(name, encoding="utf-8")
    (folder / f"{stem}.gold.yaml").write_text(
        f"document: {stem}.txt\nentities:\n  - key: e\n    type: Committee\n    name: {name}\nrelations: []\n",
        encoding="utf-8",
    )


def test_a_folder_is_scored_per_document_and_summed_before_dividing(tmp_path):
    _write_gold(tmp_path, "a", "Økonomiudvalget")
    _write_gold(tmp_path, "b", "Kultur- og Fritidsudvalget")
    predictions = {
        "a.txt": export([body("Committee", "Økonomiudvalget")]),
        "b.txt": export([body("Committee", name) for name in ("ØU", "BR", "TMU")]),
    }
    asked = []

    def extract(path: Path) -> dict:
        asked.append(path)
        return predictions[path.name]

    report = evaluate_folder(tmp_path, extract)
    assert asked == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert [d.document for d in report.documents] == ["a.txt", "b.txt"]
    assert [d.scores.overall.f1 for d in report.documents] == [1.0, 0.0]
    assert report.totals.overall == Counts(tp=1, fp=3, fn=1)
    assert report.totals.overall.f1 == pytest.approx(1 / 3)  # micro: not the mean 0.5 of the documents


@needs_dev_corpus
def test_load_gold_reads_a_real_gold_file_with_dates_as_iso_strings():
    loaded = load_gold(CORPUS / "dev" / "000_dfd42f02837eddd6.gold.yaml")
    assert loaded.document == "000_dfd42f02837eddd6.txt"
    assert (len(loaded.entities), len(loaded.relations)) == (10, 4)
    by_key = {e.key: e for e in loaded.entities}
    assert by_key["buf"].aliases == ("BUF",)
    assert by_key["d_br_20231130"].props["date"] == "2023-11-30"
    dissolved = next(r for r in loaded.relations if r.type == "DISSOLVED")
    assert (dissolved.source, dissolved.target, dissolved.props["date"]) == ("d_br_20231130", "implgrp", "2024-04-01")


def _export_of(expected: Gold) -> dict:
    """The gold file written as a perfect extraction would export it."""
    evidence = [{"document": expected.document, "start": 0, "end": 0, "quote": ""}]
    nodes = [
        {"id": e.key, "label": e.label, "name": e.name, "aliases": list(e.aliases), **e.props, "evidence": evidence}
        for e in expected.entities
    ]
    relations = [
        {"type": r.type, "source": r.source, "target": r.target, "rules": ["gold"], "evidence": evidence}
        for r in expected.relations
    ]
    return {"nodes": nodes, "relations": relations}


@needs_dev_corpus
@pytest.mark.parametrize(
    "gold_path", sorted(CORPUS.glob("*/*.gold.yaml")), ids=lambda p: p.name.removesuffix(".gold.yaml")
)
def test_the_gold_file_itself_scores_perfectly(gold_path):
    expected = load_gold(gold_path)
    result = scores(_export_of(expected), expected)
    assert result.overall == Counts(tp=len(expected.entities) + len(expected.relations))
    assert result.rules == {"gold": Counts(tp=len(expected.relations))}
    assert result.overall.f1 == 1.0


def _small_report() -> EvaluationReport:
    adm, committee = body("Administration", "ØKF"), body("Committee", "ØU")
    expected = gold([OKF, OEU, entity("p", "Person", "Rasmus")], [GoldRelation("SERVES", "okf", "oeu")])
    relations = [
        rel("SERVES", adm, committee, "serves_phrase"),
        rel("PART_OF", adm, committee, "loose_rule"),
        rel("INTERFACE", adm, committee, "loose_rule"),
    ]
    return EvaluationReport([score_document(export([adm, committee], relations), expected)])


def test_the_report_ends_with_the_four_total_lines():
    lines = format_report(_small_report()).splitlines()
    assert [line.split("  ")[0] for line in lines[-4:]] == ["core labels", "all nodes", "relations", "overall"]
    # core: 2 of 2 bodies; all nodes: the person is missed; relations: 1 hit, 2 false.
    assert lines[-4].split()[-3:] == ["2", "0", "0"]
    assert lines[-3].split()[-3:] == ["2", "0", "1"]
    assert lines[-2].split()[-3:] == ["1", "2", "0"]
    assert lines[-1].split()[-3:] == ["3", "2", "1"]


def test_the_explained_report_lists_rules_by_false_positives_and_still_ends_with_totals():
    text = format_report(_small_report(), explain=True)
    lines = text.splitlines()
    rule_lines = [line.split() for line in lines if line.startswith(("loose_rule", "serves_phrase"))]
    assert rule_lines == [["loose_rule", "0", "2", "0.000"], ["serves_phrase", "1", "0", "1.000"]]
    assert any(line.startswith(DOC) for line in lines)
    assert lines[-1].startswith("overall")


def test_the_markdown_table_has_a_row_per_label_type_and_total():
    table = markdown_table(_small_report()).splitlines()
    assert table[0] == "| | P | R | F1 | TP | FP | FN |"
    assert "| SERVES | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 |" in table
    assert table[-1].startswith("| **overall** |")
