"""The in-memory graph: nodes, relations and the evidence they came from.

One ``Graph`` is what a loader extracts from one document, what a store holds
and what an export writes. Merging is by stable id, so the same entity seen in
many documents is one node with all its aliases and all its evidence, and a
document's contribution can be taken out again by its name (re-ingesting a
changed document replaces what the old version contributed).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator, NamedTuple

from graph.schema import NODE_LABELS, RELATION_TYPES, UNDIRECTED_TYPES

_DANISH_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """ASCII slug of a name, Danish letters spelled out (ø -> oe), for stable ids (kept for the
    names met most recently, as they recur from one document to the next)."""
    text = text.casefold().translate(_DANISH_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def node_id(label: str, key: str) -> str:
    """Stable node id from the label and the canonical name (never load order)."""
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label {label!r}")
    return f"{label.lower()}:{slug(key)}"


def decision_id(body_id: str, date: str) -> str:
    """A decision is identified by the body that took it and the date."""
    return f"decision:{body_id.split(':', 1)[-1]}:{date}"


def relation_id(type_: str, source: str, target: str, role: str | None = None) -> str:
    if type_ in UNDIRECTED_TYPES:
        source, target = sorted((source, target))
    return f"{type_}|{source}|{target}|{role or ''}"


class Evidence(NamedTuple):
    """An exact span of a document: ``quote == text[start:end]``. A named tuple, as tens of
    thousands are made and hashed per corpus."""

    document: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "quote": self.quote}


#: Danish definite endings ("udvalget", "gruppen", "grupperne"): the form a body is named by.
_DEFINITE_ENDING = re.compile(r"(en|et|erne|ne)$")


def name_preference(name: str) -> tuple:
    """Deterministic choice of display name among forms of one entity.

    Prefers the correctly spelled Danish form (OCR often loses æ/ø/å), then one
    with its version ("… 2.0"), then a capitalised, then a definite form, then
    the longer one; ties break alphabetically so the result does not depend on
    the order mentions or documents were read in.
    """
    return (
        any(ch in name for ch in "æøåÆØÅ"),
        any(ch.isdigit() for ch in name),
        name[:1].isupper(),
        bool(_DEFINITE_ENDING.search(name)),
        len(name),
        name,
    )


@dataclass
class Node:
    id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    props: dict[str, str] = field(default_factory=dict)
    evidence: set[Evidence] = field(default_factory=set)
    #: Public sources of registry facts; a registry name beats any form read in a document.
    sources: set[str] = field(default_factory=set)

    def merge(self, other: "Node") -> None:
        if other.label != self.label:
            raise ValueError(f"cannot merge {other.label} into {self.label} ({self.id})")
        names = {self.name, other.name}
        if bool(self.sources) != bool(other.sources):
            self.name = self.name if self.sources else other.name
        else:
            self.name = max(names, key=name_preference)
        self.aliases |= other.aliases | names
        self.aliases.discard(self.name)
        for key, value in other.props.items():
            self.props.setdefault(key, value)
        self.evidence |= other.evidence
        self.sources |= other.sources

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "aliases": sorted(self.aliases - {self.name}),
        }
        out.update(sorted(self.props.items()))
        if self.sources:
            out["sources"] = sorted(self.sources)
        out["evidence"] = [e.to_dict() for e in sorted(self.evidence)]
        return out


@dataclass
class Relation:
    type: str
    source: str
    target: str
    props: dict[str, str] = field(default_factory=dict)
    evidence: set[Evidence] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    #: Names of the extraction rules that produced this relation.
    rules: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.type not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {self.type!r}")

    @property
    def id(self) -> str:
        return relation_id(self.type, self.source, self.target, self.props.get("role"))

    def merge(self, other: "Relation") -> None:
        for key, value in other.props.items():
            self.props.setdefault(key, value)
        self.evidence |= other.evidence
        self.sources |= other.sources
        self.rules |= other.rules

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "source": self.source, "target": self.target}
        out.update(sorted(self.props.items()))
        if self.rules:
            out["rules"] = sorted(self.rules)
        if self.sources:
            out["sources"] = sorted(self.sources)
        out["evidence"] = [e.to_dict() for e in sorted(self.evidence)]
        return out


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)

    def add_node(self, node: Node) -> Node:
        existing = self.nodes.get(node.id)
        if existing is None:
            self.nodes[node.id] = node
            return node
        existing.merge(node)
        return existing

    def add_relation(self, relation: Relation) -> Relation:
        for end in (relation.source, relation.target):
            if end not in self.nodes:
                raise KeyError(f"relation {relation.id} refers to unknown node {end}")
        existing = self.relations.get(relation.id)
        if existing is None:
            self.relations[relation.id] = relation
            return relation
        existing.merge(relation)
        return existing

    def merge(self, other: "Graph") -> None:
        for node in other.nodes.values():
            self.add_node(_copy_node(node))
        for relation in other.relations.values():
            self.add_relation(_copy_relation(relation))

    def documents(self) -> dict[str, str]:
        """Document name -> content hash of every document in the graph."""
        return {
            n.name: n.props.get("content_hash", "")
            for n in self.nodes.values()
            if n.label == "Document"
        }

    def remove_document(self, name: str) -> None:
        """Take out everything one document contributed.

        Evidence from that document goes; a node left with no document evidence
        goes with it (registry entities are in the graph only while a document
        mentions them), and so does a relation left with neither evidence nor a
        registry source, or whose end is gone.
        """
        doc_id = node_id("Document", name)
        self.nodes.pop(doc_id, None)
        for node_key in list(self.nodes):
            node = self.nodes[node_key]
            node.evidence = {e for e in node.evidence if e.document != name}
            if node.label != "Document" and not node.evidence:
                del self.nodes[node_key]
        for rel_key in list(self.relations):
            rel = self.relations[rel_key]
            rel.evidence = {e for e in rel.evidence if e.document != name}
            orphan = rel.source not in self.nodes or rel.target not in self.nodes
            if orphan or (not rel.evidence and not rel.sources):
                del self.relations[rel_key]

    def neighbours(self, node_key: str) -> Iterator[tuple[Relation, Node]]:
        for rel in self.relations.values():
            if rel.source == node_key:
                yield rel, self.nodes[rel.target]
            elif rel.target == node_key:
                yield rel, self.nodes[rel.source]

    def find(self, label: str, name: str) -> Node | None:
        """The node of this label whose name or an alias equals ``name`` (case-folded)."""
        wanted = name.casefold()
        for node in self.nodes.values():
            if node.label == label and wanted in {f.casefold() for f in node.aliases | {node.name}}:
                return node
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON export contract: nodes and relations sorted by id, evidence sorted."""
        return {
            "nodes": [self.nodes[k].to_dict() for k in sorted(self.nodes)],
            "relations": [self.relations[k].to_dict() for k in sorted(self.relations)],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Graph":
        graph = cls()
        node_keys = {"id", "label", "name", "aliases", "evidence", "sources"}
        for raw in data.get("nodes", []):
            graph.add_node(
                Node(
                    id=raw["id"],
                    label=raw["label"],
                    name=raw["name"],
                    aliases=set(raw.get("aliases") or []),
                    props={k: v for k, v in raw.items() if k not in node_keys and v is not None},
                    evidence=_evidence_set(raw.get("evidence")),
                    sources=set(raw.get("sources") or []),
                )
            )
        rel_keys = {"type", "source", "target", "evidence", "sources", "rules", "id"}
        for raw in data.get("relations", []):
            graph.add_relation(
                Relation(
                    type=raw["type"],
                    source=raw["source"],
                    target=raw["target"],
                    props={k: v for k, v in raw.items() if k not in rel_keys and v is not None},
                    evidence=_evidence_set(raw.get("evidence")),
                    sources=set(raw.get("sources") or []),
                    rules=set(raw.get("rules") or []),
                )
            )
        return graph


def _evidence_set(raw: Iterable[dict[str, Any]] | str | None) -> set[Evidence]:
    if isinstance(raw, str):
        raw = json.loads(raw or "[]")
    return {Evidence(e["document"], int(e["start"]), int(e["end"]), e["quote"]) for e in raw or []}


def evidence_to_json(evidence: Iterable[Evidence]) -> str:
    return json.dumps([e.to_dict() for e in sorted(evidence)], ensure_ascii=False)


def evidence_from_json(text: str | None) -> set[Evidence]:
    return _evidence_set(text)


def _copy_node(node: Node) -> Node:
    return Node(
        node.id, node.label, node.name, set(node.aliases), dict(node.props),
        set(node.evidence), set(node.sources),
    )


def _copy_relation(rel: Relation) -> Relation:
    return Relation(
        rel.type, rel.source, rel.target, dict(rel.props),
        set(rel.evidence), set(rel.sources), set(rel.rules),
    )
