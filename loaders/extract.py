"""The extractor: one document's text in, one ``Graph`` with evidence out.

Steps: find mentions (``loaders.mentions``), resolve them to nodes (registry
entities by their official names, other mentions by the folded form of
their name), find decisions (a deciding body, a decision word and a date in
one sentence), then run the relation rules (``loaders.rules``). Every node and
relation carries evidence spans whose quote is the exact text at its offsets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from graph.model import Evidence, Graph, Node, Relation, decision_id, name_preference, node_id
from loaders import danish
from loaders.context import Context, DecisionRef, Ref, cue_regex
from loaders.mentions import Mention, find_mentions
from loaders.names import display_name, name_key, respell_name, stem_name
from loaders.registry import Registry, RegistryEntity
from loaders.scan import PhraseStarts, finditer_from, literal_starts
from loaders.rules import DECIDING, RULES
from loaders.text import Span, find_dates, sentences

if TYPE_CHECKING:
    from loaders.readers import SourceDocument

DECISION_RULE = "decision_by_body_on_date"


@dataclass(frozen=True)
class ExtractionSettings:
    """Which rules run: any mention finder or relation rule can be switched off by name."""

    registries: tuple[Registry, ...] = ()
    disabled: frozenset[str] = field(default_factory=frozenset)


def extract(document: SourceDocument, settings: ExtractionSettings) -> Graph:
    text = document.text
    # Read first, as it scans the text's beginning: the scans of the whole text that follow then
    # share one pass over it (``loaders.scan`` keeps the key positions of the last text only).
    year = _document_year(document)
    registries = [r for r in settings.registries if r.applies_to(text, document.meta)]
    graph = Graph()
    graph.add_node(
        Node(node_id("Document", document.name), "Document", document.name,
             props={"content_hash": document.content_hash})
    )
    mentions = find_mentions(text, registries, settings.disabled)
    refs = _resolve(document.name, text, mentions, registries, graph)
    ctx = Context(document.name, text, sentences(text), refs, find_dates(text, year))
    if DECISION_RULE not in settings.disabled:
        _add_decisions(ctx, graph)
        _add_case_number(ctx, graph, document.meta.get("date"))
    for name, rule in RULES.items():
        if name in settings.disabled:
            continue
        for found in rule(ctx):
            evidence = Evidence(document.name, found.span.start, found.span.end, found.span.quote(text))
            props = {k: v for k, v in found.props.items() if v}
            graph.add_relation(Relation(found.type, found.source, found.target, props, {evidence}, rules={name}))
            _date_node(graph, found.type, found.target, props.get("date"))
    _prefer_stated_roles(graph)
    _drop_unheld_tasks(graph)
    return graph


def _drop_unheld_tasks(graph: Graph) -> None:
    """A task is an area of responsibility a relation is about; "området" alone is just a word."""
    about = {r.target for r in graph.relations.values()} | {r.source for r in graph.relations.values()}
    for node_key in [k for k, n in graph.nodes.items() if n.label == "Task" and k not in about]:
        del graph.nodes[node_key]


def _prefer_stated_roles(graph: Graph) -> None:
    """An anchoring read as "owner" by default gives way to a role the text states for the same pair."""
    by_pair: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for rel in graph.relations.values():
        if rel.type == "MANDATE":
            by_pair[(rel.source, rel.target)].append(rel)
    for rels in by_pair.values():
        stated = [r for r in rels if r.rules != {"mandate_anchoring"} or r.props.get("role") != "owner"]
        if len(stated) == len(rels) or not stated:
            continue
        for default in set(map(id, rels)) - set(map(id, stated)):
            rel = next(r for r in rels if id(r) == default)
            stated[0].evidence |= rel.evidence
            stated[0].rules |= rel.rules
            del graph.relations[rel.id]


def _document_year(document: SourceDocument) -> int | None:
    """The year short dates ("30/1") belong to: the document's own date, else its first full date."""
    meta_date = str(document.meta.get("date") or "")
    if re.match(r"\d{4}", meta_date):
        return int(meta_date[:4])
    first = next((d for d in find_dates(document.text[:3000]) if d.exact), None)
    return int(first.iso[:4]) if first else None


def _resolve(doc: str, text: str, mentions: list[Mention], registries: list[Registry], graph: Graph) -> list[Ref]:
    """Group mentions into entities and add one node per entity with all its forms and evidence."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    entity_of: dict[tuple[str, str], RegistryEntity] = {}
    keys: list[tuple[str, str]] = []
    looked_up: dict[tuple[str, str], RegistryEntity | None] = {}  # by label and surface, as names recur
    for mention in mentions:
        origin = mention.same_as or mention
        entity = origin.entity
        if entity is None:
            name = (origin.label, origin.surface)
            if name not in looked_up:
                looked_up[name] = _registry_entity(registries, origin)
            entity = looked_up[name]
        if entity is not None:
            key = ("registry", entity.node_id)
            entity_of[key] = entity
        else:
            key = (origin.label, name_key(origin.canonical or origin.surface))
        groups[key].append(mention)
        keys.append(key)
    _join_versions(groups, keys)
    _join_named_forms(groups, keys)

    ids: dict[tuple[str, str], str] = {}
    for key, members in groups.items():
        evidence = {Evidence(doc, m.start, m.end, text[m.start : m.end]) for m in members}
        surfaces = {" ".join(m.surface.split()) for m in members}
        entity = entity_of.get(key)
        if entity is not None:
            node = entity.node()
            node.aliases |= surfaces
            node.evidence = evidence
        else:
            label = members[0].label
            canonical = {m.canonical for m in members if m.canonical}
            names = canonical or {display_name(s) for s in surfaces if not s.isupper() or len(surfaces) == 1}
            names = names or {display_name(s) for s in surfaces}  # all abbreviations: the preference picks
            names |= {respelt for n in names if (respelt := respell_name(n))}
            best = max(names, key=name_preference)
            props: dict[str, str] = {}
            for m in members:
                props.update(m.props)
            node = Node(node_id(label, stem_name(best)), label, best, surfaces, props, evidence)
        ids[key] = graph.add_node(node).id

    return [Ref(ids[key], m.label, m.start, m.end) for key, m in zip(keys, mentions)]


#: A version number as ``ocr_fold`` leaves it ("2.0" -> "2*", since OCR reads ø as 0).
_VERSION_KEY = re.compile(r"[\d*]*\d[\d*]*")


def _join_versions(groups: dict[tuple[str, str], list[Mention]], keys: list[tuple[str, str]]) -> None:
    """"forsøget" is the document's "frisættelsesforsøg 2.0" when that is its only version."""
    for key in [k for k in groups if k[0] == "Initiative"]:
        versions = [
            k for k in groups
            if k[0] == "Initiative" and k != key and k[1].startswith(key[1])
            and _VERSION_KEY.fullmatch(k[1][len(key[1]):])
        ]
        if len(versions) == 1:
            groups[versions[0]].extend(groups.pop(key))
            keys[:] = [versions[0] if k == key else k for k in keys]


def _join_named_forms(groups: dict[tuple[str, str], list[Mention]], keys: list[tuple[str, str]]) -> None:
    """"følgegruppens" is the document's "uafhængig følgegruppe" when that is its only group of that
    kind: a body introduced with a naming adjective is afterwards called by its head noun alone."""
    known: dict[tuple[str, str], set[str]] = {}

    def last_words(key: tuple[str, str]) -> set[str]:
        if key not in known:
            known[key] = {name_key(m.surface.split()[-1]) for m in groups[key] if len(m.surface.split()) > 1}
        return known[key]

    for key in [k for k in groups if k[0] != "registry" and all(" " not in m.surface for m in groups[k])]:
        fuller = [k for k in groups if k[0] == key[0] and k != key and key[1] in last_words(k)]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
            known.pop(fuller[0], None)  # its forms have grown
            keys[:] = [fuller[0] if k == key else k for k in keys]


def _registry_entity(registries: Iterable[Registry], mention: Mention) -> RegistryEntity | None:
    for registry in registries:
        entity = registry.lookup(mention.label, mention.surface)
        if entity is not None:
            return entity
    return None


# ------------------------------------------------------------------ decisions

_NEAR = 90  # characters between a decision word and its body or date


def _add_decisions(ctx: Context, graph: Graph) -> None:
    """"Økonomiudvalgets beslutning i mødet den 7. november 2017", "vedtaget af
    Borgerrepræsentationen d. 30. november 2023", "BESLUTNING: Økonomiudvalget den 05-01-2022"."""
    closest: dict[tuple[str, str], Span] = {}
    for sentence in ctx.sentences_with(danish.DECISION_CUES):
        cues = ctx.cues_in(danish.DECISION_CUES, sentence)
        if not cues:
            continue
        deciding = ctx.refs_in(sentence, DECIDING)
        dates = [d for d in ctx.dates_in(sentence) if d.exact and not ctx.is_effective_date(d.start)]
        for cue in cues:
            bodies = [
                b for b in deciding
                if _can_decide(ctx.text, b, cue) and not _genitive_of_another_noun(ctx, graph, b, cue)
            ]
            body = _subject_after_verb(ctx.text, bodies, cue) or _nearest(bodies, cue.start(), cue.end())
            when = _nearest(dates, cue.start(), cue.end())
            if body is None or when is None:
                continue
            span = Span(min(body.start, cue.start(), when.start), max(body.end, cue.end(), when.end))
            key = (body.node_id, when.iso)
            if key not in closest or span.end - span.start < closest[key].end - closest[key].start:
                closest[key] = span
    for key, span in _meeting_headers(ctx):
        closest.setdefault(key, span)
    for (body_id, iso), span in sorted(closest.items(), key=lambda item: item[1].start):
        _add_decision(ctx, graph, body_id, iso, span)


_HEADER_GAP = re.compile(
    r"[ \t]+(?:(?:" + "|".join(map(re.escape, danish.MEETING_HEADER_DATE_PREFIXES)) + r")[ \t]+)?"
)
_HEADER_END = re.compile(r"[ \t]*(?::|\n|\Z)")


def _meeting_headers(ctx: Context) -> list[tuple[tuple[str, str], Span]]:
    """"Teknisk Udvalg 6. september 2010: …", "Byrådet 20. september 2010" on a line of its own:
    the body treated the case at a meeting on that date."""
    starts = {d.start: d for d in ctx.dates if d.exact}
    found = []
    for body in ctx.refs:
        if body.label not in DECIDING:
            continue
        gap = _HEADER_GAP.match(ctx.text, body.end)
        when = starts.get(gap.end()) if gap else None
        if when is not None and _HEADER_END.match(ctx.text, when.end):
            found.append(((body.node_id, when.iso), Span(body.start, when.end)))
    return found


_BODY_AFTER_DECISION = re.compile(r"\s*(?:" + "|".join(map(re.escape, danish.DECISION_BODY_AFTER)) + r")\s*")


def _add_case_number(ctx: Context, graph: Graph, document_date: str | None) -> None:
    """"Sagsnr.: 2010-56551", "Sagsid.: 21/9144", "14. Plan for … (2017-0331596)": the case the
    document is about, decided on the document's own date (else the latest date it records);
    earlier decisions it cites had cases of their own."""
    if not ctx.decisions:
        return
    found = _first_case_number(ctx.text)
    if found is None:
        return
    day = str(document_date)[:10] if document_date else max(d.date for d in ctx.decisions)
    for decision in ctx.decisions:
        if decision.date == day:
            graph.nodes[decision.node_id].props.setdefault("case_number", found.group("labelled") or found.group("bare"))


def _first_case_number(text: str) -> re.Match[str] | None:
    """The first case number in the text, tried only where one of its labels or a parenthesis starts."""
    labels = _case_number_label_starts()(text)
    starts = None if labels is None else sorted({*labels, *(literal_starts(text, "(") or [])})
    return next(finditer_from(_case_number_regex(), text, starts), None)


@lru_cache(maxsize=1)
def _case_number_label_starts() -> PhraseStarts:
    return PhraseStarts(danish.CASE_NUMBER_LABELS)


@lru_cache(maxsize=1)
def _case_number_regex() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in danish.CASE_NUMBER_LABELS)
    return re.compile(
        rf"(?<!\w)(?:{labels})\.?:?[ \t]*(?P<labelled>\d[\d./-]*\d)|\((?P<bare>{danish.CASE_NUMBER_PATTERN})\)",
        re.IGNORECASE,
    )


def _can_decide(text: str, body: Ref, cue: re.Match[str]) -> bool:
    """A body before the decision word decides ("ØU godkendte", "ØUs beslutning"); one after
    it only when named as the agent ("vedtaget af BR", "BESLUTNING: Økonomiudvalget",
    "Beslutning i Udvalget for Ældre og Sundhed") or as the subject right after its verb
    ("vedtog Borgerrepræsentationen den 21. september 2023")."""
    if body.end <= cue.start():
        return True
    between = text[cue.end() : body.start]
    return bool(_BODY_AFTER_DECISION.fullmatch(between)) or _is_subject_after_verb(text, body, cue)


def _is_subject_after_verb(text: str, body: Ref, cue: re.Match[str]) -> bool:
    return (body.start >= cue.end() and not text[cue.end() : body.start].strip()
            and cue.group().lower() in danish.FINITE_DECISION_CUES)


def _subject_after_verb(text: str, bodies: list[Ref], cue: re.Match[str]) -> Ref | None:
    """In "… af Borgergruppen besluttede Lokaldemokratiudvalget den 14. juni" the body right after
    the verb is its subject, however close the one before it is."""
    return next((b for b in bodies if _is_subject_after_verb(text, b, cue)), None)


def _genitive_of_another_noun(ctx: Context, graph: Graph, body: Ref, cue: re.Match[str]) -> bool:
    """"byrådets partier … aftalt": the genitive names whose parties agreed, not who decided.
    A genitive decides only before the decision word itself or its meeting ("ØUs møde den …")."""
    surface = ctx.text[body.start : body.end]
    if body.end > cue.start() or not surface.endswith("s") or graph.nodes[body.node_id].name.endswith("s"):
        return False
    between = Span(body.end, cue.start())
    if not ctx.text[between.start : between.end].strip():
        return False
    return not ctx.cues_in(danish.MEETING_WORDS, Span(body.end, min(cue.start(), body.end + 12)))


def _nearest(items: list, start: int, end: int):
    """The item closest to the cue [start, end), within ``_NEAR`` characters."""
    def distance(item) -> int:
        return max(start - item.end, item.start - end, 0)

    close = [i for i in items if distance(i) <= _NEAR]
    return min(close, key=distance) if close else None


def _add_decision(ctx: Context, graph: Graph, body_id: str, date: str, span: Span) -> None:
    body = graph.nodes[body_id]
    evidence = Evidence(ctx.document, span.start, span.end, span.quote(ctx.text))
    decision = graph.add_node(
        Node(decision_id(body_id, date), "Decision", f"{_genitive(body.name)} beslutning {_danish_date(date)}",
             props={"date": date}, evidence={evidence})
    )
    graph.add_relation(Relation("DECIDED_BY", decision.id, body_id, evidence={evidence}, rules={DECISION_RULE}))
    ctx.decisions.append(DecisionRef(decision.id, body_id, date, span.start, span.end))


def _genitive(name: str) -> str:
    return name if name.endswith("s") else name + "s"


def _danish_date(iso: str) -> str:
    year, month, day = (int(p) for p in iso.split("-"))
    month_name = next(n for n, v in danish.MONTHS.items() if v == month)  # full names come first
    return f"{day}. {month_name} {year}"


def _date_node(graph: Graph, relation: str, target: str, date: str | None) -> None:
    """An establishment or dissolution with a date also bounds the target's validity."""
    if not date:
        return
    prop = {"ESTABLISHED": "valid_from", "DISSOLVED": "valid_to"}.get(relation)
    if prop:
        graph.nodes[target].props.setdefault(prop, date)
