"""Scores an extracted graph against the gold annotation of its document.

Matching follows ``shared/spec/schema.md``. It is deliberately stricter than
the extractor's own name folding (``loaders.names``): the gold files list the
OCR-garbled and inflected forms an analyst accepts as aliases, so the score
does not move in step with whatever the extractor happens to fold together.

Matching is one-to-one. Candidate pairs form a bipartite graph and we take a
maximum-cardinality matching, and among those the one with the most exact
name-to-name pairs (an alias pair weighs 1, an exact pair 2). So a predicted
node that fits several gold entities counts once, and a duplicate prediction
of one gold entity is a false positive.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable

import networkx as nx
import yaml

from graph.schema import NODE_LABELS, RELATION_TYPES, UNDIRECTED_TYPES

#: The labels the issue calls core: bodies, decisions and initiatives.
CORE_LABELS: tuple[str, ...] = (
    "Council",
    "Committee",
    "Administration",
    "Unit",
    "Group",
    "Organisation",
    "Decision",
    "Initiative",
)


@dataclass
class GoldEntity:
    key: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    #: Everything else in the entry (``date``, ``party``, ...), dates as ISO strings.
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class GoldRelation:
    type: str
    source: str
    target: str
    #: Everything else in the entry (``role``, ``date``, ``evidence``, ...), dates as ISO strings.
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Gold:
    document: str
    entities: list[GoldEntity]
    relations: list[GoldRelation]


def load_gold(path: Path) -> Gold:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entities = [
        GoldEntity(
            key=str(e["key"]),
            label=e["type"],
            name=str(e["name"]),
            aliases=tuple(str(a) for a in e.get("aliases") or ()),
            props=_props(e, {"key", "type", "name", "aliases"}),
        )
        for e in raw.get("entities") or ()
    ]
    relations = [
        GoldRelation(
            type=r["type"],
            source=str(r["source"]),
            target=str(r["target"]),
            props=_props(r, {"type", "source", "target"}),
        )
        for r in raw.get("relations") or ()
    ]
    return Gold(document=raw["document"], entities=entities, relations=relations)


def _props(raw: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    """YAML reads unquoted dates as date objects; the model keeps ISO strings."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in raw.items() if k not in skip}


def normalise_name(text: str) -> str:
    """Case folded, white space and punctuation dropped.

    Dropping rather than collapsing them lets OCR's broken hyphenation
    ("Økonomi-\\nudvalget") and joined words still equal the clean form.
    """
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts per node label, per relation type and per extraction rule.

    Summing adds counts; precision, recall and F1 are always computed from the
    summed counts (micro average), never averaged.
    """

    nodes: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    #: Per extraction rule, over the relations it produced; ``fn`` stays 0 (a rule cannot miss).
    rules: dict[str, Counts] = field(default_factory=dict)

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(
            _add_tables(self.nodes, other.nodes),
            _add_tables(self.relations, other.relations),
            _add_tables(self.rules, other.rules),
        )

    @property
    def core_labels(self) -> Counts:
        return sum((self.nodes.get(label, Counts()) for label in CORE_LABELS), Counts())

    @property
    def all_nodes(self) -> Counts:
        return sum(self.nodes.values(), Counts())

    @property
    def all_relations(self) -> Counts:
        return sum(self.relations.values(), Counts())

    @property
    def overall(self) -> Counts:
        return self.all_nodes + self.all_relations


def _add_tables(a: dict[str, Counts], b: dict[str, Counts]) -> dict[str, Counts]:
    return {key: a.get(key, Counts()) + b.get(key, Counts()) for key in a | b}


@dataclass
class DocumentScore:
    document: str
    scores: Scores


@dataclass
class EvaluationReport:
    documents: list[DocumentScore]

    @property
    def totals(self) -> Scores:
        return sum((d.scores for d in self.documents), Scores())


def score_document(predicted: dict[str, Any], gold: Gold) -> DocumentScore:
    """Score the export of a graph built from one document against its gold file.

    Only facts read from the document count: nodes and relations without
    evidence (registry-only facts) and Document nodes are left out. A relation
    whose end was left out cannot match.
    """
    nodes = {
        n["id"]: n
        for n in predicted.get("nodes", ())
        if n["label"] != "Document" and n.get("evidence")
    }
    relations = [r for r in predicted.get("relations", ()) if r.get("evidence")]
    node_match = _match_nodes(nodes, relations, gold)
    relation_match = _match_relations(relations, node_match, gold)

    matched_keys = set(node_match.values())
    node_outcomes = [(n["label"], "tp" if n_id in node_match else "fp") for n_id, n in nodes.items()]
    node_outcomes += [(e.label, "fn") for e in gold.entities if e.key not in matched_keys]

    matched_gold = set(relation_match.values())
    relation_outcomes = [(r["type"], "tp" if i in relation_match else "fp") for i, r in enumerate(relations)]
    relation_outcomes += [(g.type, "fn") for j, g in enumerate(gold.relations) if j not in matched_gold]
    rule_outcomes = [
        (rule, "tp" if i in relation_match else "fp")
        for i, r in enumerate(relations)
        for rule in r.get("rules") or ()
    ]
    return DocumentScore(
        gold.document,
        Scores(_tally(node_outcomes), _tally(relation_outcomes), _tally(rule_outcomes)),
    )


def _tally(outcomes: Iterable[tuple[str, str]]) -> dict[str, Counts]:
    counted = Counter(outcomes)
    keys = dict.fromkeys(key for key, _ in counted)
    return {key: Counts(counted[key, "tp"], counted[key, "fp"], counted[key, "fn"]) for key in keys}


def _match_nodes(
    nodes: dict[str, dict[str, Any]], relations: list[dict[str, Any]], gold: Gold
) -> dict[str, str]:
    """Predicted node id -> gold entity key.

    Bodies and the rest match by name first; decisions then match on date and
    on the body that took them, which needs the body matching.
    """
    candidates = {}
    for node_key, node in nodes.items():
        if node["label"] == "Decision":
            continue
        for entity in gold.entities:
            if entity.label == node["label"]:
                weight = _name_match(node, entity)
                if weight:
                    candidates[node_key, entity.key] = weight
    matched = _one_to_one(candidates)

    predicted_bodies: dict[str, set[str | None]] = defaultdict(set)
    for r in relations:
        if r["type"] == "DECIDED_BY":
            predicted_bodies[r["source"]].add(matched.get(r["target"]))
    gold_bodies: dict[str, set[str]] = defaultdict(set)
    for g in gold.relations:
        if g.type == "DECIDED_BY":
            gold_bodies[g.source].add(g.target)
    decisions = {
        (node_key, entity.key): 1
        for node_key, node in nodes.items()
        if node["label"] == "Decision"
        for entity in gold.entities
        if entity.label == "Decision"
        and node.get("date") == entity.props.get("date")
        and _same_body(predicted_bodies[node_key], gold_bodies[entity.key])
    }
    return matched | _one_to_one(decisions)


def _name_match(node: dict[str, Any], entity: GoldEntity) -> int:
    """2 when the canonical names agree, 1 when only some alias does, else 0."""
    predicted_name = normalise_name(node["name"])
    if predicted_name and predicted_name == normalise_name(entity.name):
        return 2
    predicted_forms = _forms(node["name"], node.get("aliases") or ())
    return 1 if predicted_forms & _forms(entity.name, entity.aliases) else 0


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {form for form in map(normalise_name, (name, *aliases)) if form}


def _same_body(predicted: set[str | None], gold: set[str]) -> bool:
    """The decision was taken by the same body (or neither side names one).

    ``predicted`` holds the gold keys the predicted bodies matched, ``None``
    for a body that matched nothing.
    """
    return bool(predicted & gold) or not (predicted or gold)


def _match_relations(
    relations: list[dict[str, Any]], node_match: dict[str, str], gold: Gold
) -> dict[int, int]:
    """Predicted relation index -> gold relation index."""
    candidates = {}
    for i, r in enumerate(relations):
        ends = (node_match.get(r["source"]), node_match.get(r["target"]))
        for j, g in enumerate(gold.relations):
            if g.type != r["type"]:
                continue
            wanted = (g.source, g.target)
            if ends == wanted or (g.type in UNDIRECTED_TYPES and ends == wanted[::-1]):
                candidates[i, j] = 1
    return _one_to_one(candidates)


def _one_to_one(candidates: dict[tuple[Hashable, Hashable], int]) -> dict[Any, Any]:
    """Maximum-cardinality matching of predicted to gold, heaviest among those."""
    graph = nx.Graph()
    for (predicted, gold), weight in candidates.items():
        graph.add_edge(("predicted", predicted), ("gold", gold), weight=weight)
    matching = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        predicted, gold = (a, b) if a[0] == "predicted" else (b, a)
        matching[predicted[1]] = gold[1]
    return matching


def evaluate_folder(gold_dir: Path, extract: Callable[[Path], dict[str, Any]]) -> EvaluationReport:
    """Score every document in ``gold_dir`` that has a ``.gold.yaml`` beside it.

    ``extract`` turns one document into the export dict of its graph.
    """
    documents = []
    for gold_path in sorted(gold_dir.glob("*.gold.yaml")):
        gold = load_gold(gold_path)
        documents.append(score_document(extract(gold_path.parent / gold.document), gold))
    return EvaluationReport(documents)


_NAME_WIDTH = 18


def _in_schema_order(table: dict[str, Counts], order: tuple[str, ...]) -> list[tuple[str, Counts]]:
    rank = {name: i for i, name in enumerate(order)}
    return sorted(table.items(), key=lambda item: (rank.get(item[0], len(order)), item[0]))


def _total_rows(scores: Scores) -> list[tuple[str, Counts]]:
    return [
        ("core labels", scores.core_labels),
        ("all nodes", scores.all_nodes),
        ("relations", scores.all_relations),
        ("overall", scores.overall),
    ]


def _counts_table(title: str, rows: list[tuple[str, Counts]]) -> list[str]:
    lines = [f"{title:<{_NAME_WIDTH}} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    lines += [
        f"{name:<{_NAME_WIDTH}} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
        for name, c in rows
    ]
    return lines


def format_report(report: EvaluationReport, explain: bool = False) -> str:
    """Plain-text tables; the last four lines are always the totals
    (core labels, all nodes, relations, overall), so ``tail -n 4`` shows them.

    ``explain`` adds the extraction rules, worst (most false positives) first,
    and the F1 of each document.
    """
    totals = report.totals
    lines = _counts_table("node label", _in_schema_order(totals.nodes, NODE_LABELS))
    lines += [""] + _counts_table("relation type", _in_schema_order(totals.relations, RELATION_TYPES))
    if explain:
        rules = sorted(totals.rules.items(), key=lambda item: (-item[1].fp, item[0]))
        width = max([len("rule"), *(len(rule) for rule, _ in rules)])
        lines += ["", f"{'rule':<{width}} {'TP':>5} {'FP':>5} {'P':>6}"]
        lines += [f"{rule:<{width}} {c.tp:5d} {c.fp:5d} {c.precision:6.3f}" for rule, c in rules]
        width = max([len("document"), *(len(d.document) for d in report.documents)])
        lines += ["", f"{'document':<{width}} {'nodes':>6} {'rels':>6} {'F1':>6}"]
        lines += [
            f"{d.document:<{width}} {d.scores.all_nodes.f1:6.3f} "
            f"{d.scores.all_relations.f1:6.3f} {d.scores.overall.f1:6.3f}"
            for d in report.documents
        ]
    lines += [""] + _counts_table("total", _total_rows(totals))
    return "\n".join(lines)


def markdown_table(report: EvaluationReport) -> str:
    """The scores as one Markdown table for the README, totals in bold at the end."""
    totals = report.totals
    rows = [
        *_in_schema_order(totals.nodes, NODE_LABELS),
        *_in_schema_order(totals.relations, RELATION_TYPES),
        *((f"**{name}**", c) for name, c in _total_rows(totals)),
    ]
    lines = ["| | P | R | F1 | TP | FP | FN |", "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [
        f"| {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | {c.fn} |"
        for name, c in rows
    ]
    return "\n".join(lines)
