"""Finding the bodies, persons and initiatives a document names.

Each finder is a small named rule: it gets the text and yields ``Mention``s.
``find_mentions`` runs the enabled finders, keeps the best of overlapping
mentions (registry before generic patterns, longer before shorter) and adds
the abbreviations a document defines ("Børne- og Ungdomsforvaltningen
(BUF)") as mentions of the same entity wherever they recur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from loaders import danish
from loaders.names import ocr_pattern
from loaders.registry import Registry, RegistryEntity
from loaders.scan import PhraseStarts, finditer_around, finditer_from, word_starts, words_before

_UPPER = "A-ZÆØÅ"
_WORD = r"[\wæøåÆØÅ]"


@dataclass
class Mention:
    label: str
    start: int
    end: int
    surface: str
    rule: str
    entity: RegistryEntity | None = None
    props: dict[str, str] = field(default_factory=dict)
    #: A mention of an abbreviation this document defined points to its long form.
    same_as: "Mention | None" = None

    @property
    def priority(self) -> int:
        """Registry mentions first, then the finders in ``MENTION_FINDERS`` order."""
        if self.entity is not None:
            return 0
        return 1 + _FINDER_RANK.get(self.rule, len(_FINDER_RANK))


MentionFinder = Callable[[str], Iterator[Mention]]


def _head_alternation(label: str) -> str:
    heads = danish.BODY_HEADS[label]
    forms = []
    for head, endings in heads.items():
        ending_group = "|".join(sorted(endings, key=len, reverse=True))
        forms.append(f"{ocr_pattern(head)}(?:{ending_group})")
    return "(?i:" + "|".join(forms) + ")"


@lru_cache(maxsize=None)
def _compound_regex(label: str) -> re.Pattern[str]:
    """A Danish compound ending in one of the label's head nouns.

    Covers coordinated names ("By-, Erhvervs- og Planudvalget", "Teknik- og
    Miljøudvalget"), hyphenated ones ("HR-kredsen"), a leading "Den/Det" with
    capitalised words ("Det Bydækkende Områdesekretariat") and, for groups, a
    naming adjective ("politisk styregruppe").
    """
    head = _head_alternation(label)
    coordinated = rf"[{_UPPER}]{_WORD}*-,?\s+(?:{_WORD}+-,?\s+)*og\s+{_WORD}*{head}"
    titled = rf"(?:Det|Den)\s+(?:[{_UPPER}]{_WORD}+\s+){{1,3}}{_WORD}*{head}"
    adjectives = "|".join(danish.GROUP_ADJECTIVES)
    adjective = rf"(?i:{adjectives})\s+{_WORD}*{head}" if label == "Group" else None
    compound = rf"(?:{_WORD}+-)*{_WORD}*{head}"
    alternatives = [coordinated, titled] + ([adjective] if adjective else []) + [compound]
    return re.compile(r"(?<![\w@-])(?:" + "|".join(alternatives) + r")(?![\w])")


#: What can lead up to a head noun inside a match of ``_compound_regex``, read backwards from the
#: head: the rest of its word and a hyphenated chain ("HR-"), a coordination ("By-, Erhvervs- og
#: Plan"), "Det"/"Den" and capitalised words ("Det Bydækkende Områ"), or up to two words ("den
#: politiske styre").
_COMPOUND_LEADS_BACKWARDS = (
    re.compile(r"\w*(?:-\w+)*"),
    re.compile(r"\w*\s+go(?:\s+,?-\w+)+"),
    re.compile(rf"\w*(?:\s+\w+[{_UPPER}]){{1,3}}\s+(?:teD|neD)"),
    re.compile(r"\w*(?:\s+\w+){1,2}"),
)
#: What follows the start of a head noun inside a compound: the rest of the head (OCR reads ø as @)
#: and its ending, up to a character that is not part of a word.
_HEAD_REST = re.compile(r"[\w@]*")


@lru_cache(maxsize=None)
def _head_endings(label: str) -> tuple[re.Pattern[str], ...]:
    """Each inflected head noun of the label at the end of a name, longest head and ending first."""
    heads = sorted(danish.BODY_HEADS[label].items(), key=lambda item: len(item[0]), reverse=True)
    return tuple(
        re.compile(ocr_pattern(head) + ending + r"$")
        for head, endings in heads
        for ending in sorted(endings, key=len, reverse=True)
    )


def _prefix_of(surface: str, label: str) -> str:
    """What precedes the head noun in a compound ("" for a bare "udvalget")."""
    lower = surface.lower()
    for head_ending in _head_endings(label):
        match = head_ending.search(lower)
        if match:
            return lower[: match.start()].strip("- ")
    return lower


@lru_cache(maxsize=None)
def _head_starts(label: str) -> PhraseStarts:
    return PhraseStarts(danish.BODY_HEADS[label])


@lru_cache(maxsize=None)
def _word_final_head(label: str) -> re.Pattern[str]:
    """A head noun with an ending that closes its word: where a compound of the label can end."""
    return re.compile(_head_alternation(label) + r"(?![\w])")


def _compound_heads(text: str, label: str) -> list[int] | None:
    """Where the head noun that ends a compound of the label can start (None: anywhere)."""
    starts = _head_starts(label)(text)
    if starts is None:
        return None
    closing = _word_final_head(label)
    return [start for start in starts if closing.match(text, start)]


def body_compounds(text: str) -> Iterator[Mention]:
    """Committees, administrations, units, groups and initiatives named by a head noun."""
    for label in danish.BODY_HEADS:
        heads = _compound_heads(text, label)
        for m in finditer_around(_compound_regex(label), text, heads, _COMPOUND_LEADS_BACKWARDS, _HEAD_REST):
            prefix = _prefix_of(m.group(), label)
            if prefix in danish.GENERIC_PREFIXES or (len(prefix) < danish.MIN_COMPOUND_PREFIX and "-" not in m.group()
                                                      and " " not in m.group()):
                continue
            yield Mention(label, m.start(), m.end(), m.group(), "body_compound")


_FOR_NAME = re.compile(
    rf"\b(?P<head>Udvalget|Forvaltningen|Center|Centret|Sekretariatet|Kontoret)\s+for\s+"
    rf"(?P<what>[{_UPPER}]{_WORD}*(?:(?:,\s+|\s+og\s+|\s+&\s+)(?:[{_UPPER}]{_WORD}*|HR|IT))*)"
)
_FOR_LABELS = {
    "Udvalget": "Committee", "Forvaltningen": "Administration", "Center": "Unit",
    "Centret": "Unit", "Sekretariatet": "Unit", "Kontoret": "Unit",
}


def named_for(text: str) -> Iterator[Mention]:
    """"Udvalget for Ældre og Sundhed", "Center for Politik og HR", "Sekretariatet for Fremfærd"."""
    for m in _FOR_NAME.finditer(text):
        yield Mention(_FOR_LABELS[m.group("head")], m.start(), m.end(), m.group(), "named_for")


@lru_cache(maxsize=1)
def _council_regex() -> re.Pattern[str]:
    words = []
    for word, endings in danish.COUNCIL_WORDS.items():
        ending_group = "|".join(sorted(endings, key=len, reverse=True))
        words.append(f"{ocr_pattern(word)}(?:{ending_group})")
    alternation = "(?i:" + "|".join(words) + ")"
    return re.compile(rf"(?<![\w@])(?:[{_UPPER}]{_WORD}+\s+)?{alternation}(?![\w])")


@lru_cache(maxsize=1)
def _council_starts() -> PhraseStarts:
    return PhraseStarts(danish.COUNCIL_WORDS)


def councils(text: str) -> Iterator[Mention]:
    """"byrådet", "Aalborg Byråd", "kommunalbestyrelsen", "Regionsrådet"."""
    words = _council_starts()(text)
    starts = None if words is None else sorted(set(words).union(words_before(text, words)))
    for m in finditer_from(_council_regex(), text, starts):
        surface = m.group()
        first, _, rest = surface.partition(" ")
        if rest and not first[:1].isupper():
            surface = rest
        start = m.end() - len(surface)
        yield Mention("Council", start, m.end(), surface, "council")


_MUNICIPALITY = re.compile(
    rf"\b(?:[{_UPPER}]{_WORD}+(?:-[{_UPPER}]{_WORD}+)?\s+{danish.MUNICIPALITY_WORD}s?"
    rf"|{danish.REGION_WORD}\s+[{_UPPER}]{_WORD}+)(?![\w])"
)


_municipality_words = PhraseStarts((danish.MUNICIPALITY_WORD, danish.REGION_WORD), ignore_case=False)


def municipalities(text: str) -> Iterator[Mention]:
    """"Aalborg Kommune", "Københavns Kommunes", "Region Midtjylland"."""
    words = _municipality_words(text)
    before = words_before(text, words)
    starts = None if words is None else sorted(set(words).union(before, words_before(text, before, "-")))
    for m in finditer_from(_MUNICIPALITY, text, starts):
        yield Mention("Organisation", m.start(), m.end(), m.group(), "municipality")


#: One word of a person's name: "Rune", "Kastrup-Larsen" or an initial "H.".
_NAME_WORD = rf"(?:[{_UPPER}]\.|[{_UPPER}][a-zæøåéü]+(?:-[{_UPPER}][a-zæøåéü]+)?)"
_PERSON = re.compile(
    rf"(?<![\w])(?P<name>[{_UPPER}][a-zæøåéü]+(?:-[{_UPPER}][a-zæøåéü]+)?(?: {_NAME_WORD}){{1,3}})"
    rf"\s*\((?P<party>[{_UPPER}]{{1,2}}|" + "|".join(danish.PARTY_MARKERS) + r")\)"
)


#: What leads up to the parenthesis after a person's name, read backwards: white space and up to four words.
_NAME_BACKWARDS = re.compile(r"\s*(?:[\w.\-]+(?: [\w.\-]+){0,3})?")
_PARTY_IN_PARENTHESES = re.compile(r"\(\w*\)?")
_OPENING_PARENTHESIS = re.compile(r"\(")


def persons_with_party(text: str) -> Iterator[Mention]:
    """"Rasmus Rune Steenberger (F)", "Signe Goldmann (løsgænger)"."""
    parentheses = [m.start() for m in _OPENING_PARENTHESIS.finditer(text)]
    for m in finditer_around(_PERSON, text, parentheses, (_NAME_BACKWARDS,), _PARTY_IN_PARENTHESES):
        party = m.group("party")
        props = {"role": party} if party in danish.PARTY_MARKERS else {"party": party}
        yield Mention("Person", m.start("name"), m.end("name"), m.group("name"), "person_party", props=props)


_GIVEN_NAME_START = re.compile(rf"(?<![\w.])(?P<given>[{_UPPER}][a-zæøåéü]+)(?P<rest>(?: {_NAME_WORD}){{1,3}})")


def persons_by_given_name(text: str) -> Iterator[Mention]:
    """"Christina Borries, OAO", "siger Thomas Kastrup-Larsen, Borgmester": a known given name and a surname."""
    for m in _GIVEN_NAME_START.finditer(text):
        if m.group("given") not in danish.GIVEN_NAMES:
            continue
        words = m.group("rest").split()
        kept = []
        for word in words:
            if word in danish.NOT_SURNAMES or word in danish.GIVEN_NAMES and kept and not kept[-1].endswith("."):
                break
            kept.append(word)
        if not kept or kept[-1].endswith("."):
            continue
        end = m.start("rest") + len(" " + " ".join(kept))
        yield Mention("Person", m.start(), end, text[m.start() : end], "person_given_name")


@lru_cache(maxsize=1)
def _versioned_initiative_regex() -> re.Pattern[str]:
    head = _head_alternation("Initiative")
    return re.compile(
        rf"(?<![\w@]){_WORD}*{head}\s+{danish.INITIATIVE_VERSION_PATTERN}(?!\.?\d)"
    )


def versioned_initiatives(text: str) -> Iterator[Mention]:
    """An initiative with a version number: "frisættelsesforsøg 2.0"."""
    starts = word_starts(text, _head_starts("Initiative")(text))
    for m in finditer_from(_versioned_initiative_regex(), text, starts):
        yield Mention("Initiative", m.start(), m.end(), m.group(), "versioned_initiative")


#: The finders that do not need a registry, by name; any can be switched off. Between two
#: equally long mentions of one span the earlier finder wins ("kommunalbestyrelsen" is a council).
MENTION_FINDERS: dict[str, MentionFinder] = {
    "council": councils,
    "body_compound": body_compounds,
    "named_for": named_for,
    "municipality": municipalities,
    "person_party": persons_with_party,
    "person_given_name": persons_by_given_name,
    "versioned_initiative": versioned_initiatives,
}
_FINDER_RANK = {name: rank for rank, name in enumerate(MENTION_FINDERS)}


def registry_mentions(text: str, registries: Iterable[Registry]) -> Iterator[Mention]:
    for registry in registries:
        for match in registry.find(text):
            entity = match.entity
            yield Mention(entity.label, match.start, match.end, text[match.start : match.end], "registry", entity)


_ABBREVIATION_AFTER = re.compile(r"\s*\((?P<abbr>[A-ZÆØÅ@Q][A-ZÆØÅ0-9\-]{1,7})\)")


def defined_abbreviations(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """Recurrences of an abbreviation the document defines in parentheses after a name."""
    for mention in mentions:
        if mention.label == "Person":
            continue
        m = _ABBREVIATION_AFTER.match(text, mention.end)
        if not m:
            continue
        abbreviation = m.group("abbr")
        for use in re.finditer(rf"(?<![\w@]){re.escape(abbreviation)}s?(?![\w])", text):
            yield Mention(mention.label, use.start(), use.end(), use.group(), "defined_abbreviation",
                          entity=mention.entity, same_as=mention)


def find_mentions(
    text: str,
    registries: Iterable[Registry] = (),
    disabled: frozenset[str] = frozenset(),
) -> list[Mention]:
    """All mentions in ``text``, overlaps resolved, in text order."""
    candidates = list(registry_mentions(text, registries)) if "registry" not in disabled else []
    for name, finder in MENTION_FINDERS.items():
        if name not in disabled:
            candidates.extend(finder(text))
    kept = _without_overlaps(candidates)
    if "defined_abbreviation" not in disabled:
        kept = _without_overlaps(kept + list(defined_abbreviations(text, kept)))
    return kept


def _without_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Greedy choice: registry mentions first, then longer spans, then by finder, then earlier ones."""
    ordered = sorted(candidates, key=lambda m: (m.entity is None, -(m.end - m.start), m.priority, m.start))
    taken: list[Mention] = []
    occupied = bytearray(max((m.end for m in candidates), default=0))
    for mention in ordered:
        if any(occupied[mention.start : mention.end]):
            continue
        occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        taken.append(mention)
    return sorted(taken, key=lambda m: m.start)
