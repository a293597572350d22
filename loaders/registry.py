"""The reference registry: curated public facts about known bodies.

A registry file (``data/registry/*.yaml``, format in its README) names the
bodies of one municipality, or national organisations, with official names,
abbreviations, former names, validity and public sources. It resolves
mentions in documents, including OCR-garbled ones, to canonical nodes, and
contributes its own relations (which forvaltning serves which udvalg) between
nodes the documents mention. Registry facts carry their ``sources`` and never
document evidence.

A municipal registry applies to a document only when the document names that
municipality (its council or the municipality itself), so "Økonomiudvalget"
in Dragør's minutes is not taken for Copenhagen's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable

import yaml

from graph.model import Graph, Node, Relation, node_id
from graph.schema import NODE_LABELS, RELATION_TYPES
from loaders.names import name_key, ocr_pattern
from loaders.scan import PhraseStarts, Scan, finditer_from

DEFAULT_REGISTRY_DIR = Path(__file__).resolve().parent.parent / "data" / "registry"


class RegistryError(ValueError):
    """A registry file that does not follow the format."""


@dataclass(frozen=True)
class RegistryEntity:
    registry: str
    key: str
    label: str
    name: str
    abbreviations: tuple[str, ...]
    former_names: tuple[str, ...]
    valid_from: str | None
    valid_to: str | None
    sources: tuple[str, ...]

    @cached_property
    def node_id(self) -> str:
        return node_id(self.label, f"{self.registry} {self.name}" if self.registry_scoped else self.name)

    @property
    def registry_scoped(self) -> bool:
        return self.registry != "organisationer"

    def node(self) -> Node:
        props = {k: v for k, v in (("valid_from", self.valid_from), ("valid_to", self.valid_to)) if v}
        return Node(
            id=self.node_id,
            label=self.label,
            name=self.name,
            aliases=set(self.abbreviations) | set(self.former_names),
            props=props,
            sources=set(self.sources),
        )


@dataclass(frozen=True)
class RegistryMatch:
    entity: RegistryEntity
    start: int
    end: int


@dataclass
class Registry:
    """One registry file: its entities, relations and the municipality it covers."""

    id: str
    municipality: str | None
    entities: dict[str, RegistryEntity]
    relations: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "Registry":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        try:
            reg_id = data["registry"]
            citations = data.get("sources") or {}
            entities: dict[str, RegistryEntity] = {}
            for raw in data["entities"]:
                if raw["label"] not in NODE_LABELS:
                    raise RegistryError(f"{path.name}: unknown label {raw['label']!r}")
                entities[raw["key"]] = RegistryEntity(
                    registry=reg_id,
                    key=raw["key"],
                    label=raw["label"],
                    name=raw["name"],
                    abbreviations=tuple(raw.get("abbreviations") or ()),
                    former_names=tuple(_former_name(f) for f in raw.get("former_names") or ()),
                    valid_from=_iso(raw.get("valid_from")),
                    valid_to=_iso(raw.get("valid_to")),
                    sources=tuple(_citation(citations, s) for s in raw.get("sources") or ()),
                )
            relations = []
            for raw in data.get("relations") or ():
                if raw["type"] not in RELATION_TYPES:
                    raise RegistryError(f"{path.name}: unknown relation type {raw['type']!r}")
                for end in (raw["source"], raw["target"]):
                    if end not in entities:
                        raise RegistryError(f"{path.name}: relation refers to unknown key {end!r}")
                sources = tuple(_citation(citations, s) for s in raw.get("sources") or ())
                relations.append((raw["type"], raw["source"], raw["target"], sources))
        except (KeyError, TypeError) as exc:
            raise RegistryError(f"{path.name}: malformed registry ({exc})") from exc
        return cls(reg_id, data.get("municipality"), entities, relations)

    # ----------------------------------------------------------- matching

    @cached_property
    def _matchers(self) -> list[tuple[re.Pattern[str], dict[str, str], PhraseStarts]]:
        """Two alternations: names in any case, and all-capital forms ("KL", "ØKF") in exact capitals;
        each with where its forms can start, so it is tried only there."""
        forms = [(n, e.key) for e in self.entities.values() for n in (e.name, *e.former_names, *e.abbreviations)]
        names = [(n, key) for n, key in forms if not n.isupper()]
        abbreviations = [(n, key) for n, key in forms if n.isupper()]
        matchers = []
        if names:
            regex, keys = _alternation(names, ocr_pattern, re.IGNORECASE)
            matchers.append((regex, keys, PhraseStarts(n for n, _ in names)))
        if abbreviations:
            regex, keys = _alternation(abbreviations, lambda a: ocr_pattern(a, capitals=True), 0)
            matchers.append((regex, keys, PhraseStarts((a for a, _ in abbreviations), ignore_case=False, capitals=True)))
        return matchers

    @cached_property
    def _signature(self) -> Scan | None:
        """Names that tie a document to this registry's municipality."""
        if not self.municipality:
            return None
        names = [
            e.name for e in self.entities.values()
            if e.label == "Council" or e.name == self.municipality
        ]
        return Scan(re.compile("|".join(ocr_pattern(n) for n in names), re.IGNORECASE), PhraseStarts(names))

    def applies_to(self, text: str, meta: dict | None = None) -> bool:
        if self._signature is None:
            return True
        if meta and meta.get("municipality") == self.municipality:
            return True
        return next(self._signature.finditer(text), None) is not None

    def find(self, text: str) -> list[RegistryMatch]:
        """Every mention of a registry entity in ``text`` (names, former names, abbreviations)."""
        return [
            RegistryMatch(self.entities[keys[m.lastgroup]], m.start(), m.end())
            for regex, keys, starts in self._matchers
            for m in finditer_from(regex, text, starts(text))
        ]

    @cached_property
    def _by_name_key(self) -> dict[tuple[str, str], RegistryEntity]:
        """(label, folded name) -> entity, for names and former names; the first entity listed wins."""
        index: dict[tuple[str, str], RegistryEntity] = {}
        for entity in self.entities.values():
            for name in (entity.name, *entity.former_names):
                index.setdefault((entity.label, name_key(name)), entity)
        return index

    def lookup(self, label: str, surface: str) -> RegistryEntity | None:
        """The entity of this label whose name folds to the same key as ``surface``."""
        return self._by_name_key.get((label, name_key(surface)))

    def relations_among(self, graph: Graph) -> Iterable[Relation]:
        """Registry relations whose ends are both in ``graph`` (mentioned by some document)."""
        for type_, source, target, sources in self.relations:
            a, b = self.entities[source].node_id, self.entities[target].node_id
            if a in graph.nodes and b in graph.nodes:
                yield Relation(type_, a, b, sources=set(sources))


def _alternation(forms, to_pattern, flags) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for all forms, each in a named group (longest first), and each group's key.

    A form may be followed by a genitive -s ("ØUs", "Økonomiudvalgets").
    """
    parts, keys = [], {}
    for i, (form, key) in enumerate(sorted(forms, key=lambda f: len(f[0]), reverse=True)):
        keys[f"g{i}"] = key
        parts.append(f"(?P<g{i}>{to_pattern(form)})")
    regex = re.compile(r"(?<![\w@|])(?:" + "|".join(parts) + r")s?(?![\w])", flags)
    return regex, keys


def _former_name(raw) -> str:
    return raw["name"] if isinstance(raw, dict) else str(raw)


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _citation(citations: dict, source_id: str) -> str:
    """A source id becomes its URL (or its title when it has none)."""
    cited = citations.get(source_id)
    if cited is None:
        return str(source_id)
    return cited.get("url") or cited.get("title") or str(source_id)


def load_registries(directory: Path = DEFAULT_REGISTRY_DIR) -> list[Registry]:
    """Every registry file in ``directory``, in name order."""
    if not directory.is_dir():
        return []
    return [Registry.load(p) for p in sorted(directory.glob("*.yaml"))]
