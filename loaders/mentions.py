"""Finding the bodies, persons and initiatives a document names.

Each finder is a small named rule: it gets the text and yields ``Mention``s.
``find_mentions`` runs the enabled finders, keeps the best of overlapping
mentions (registry before generic patterns, longer before shorter) and adds
the abbreviations a document defines ("Børne- og Ungdomsforvaltningen
(BUF)") as mentions of the same entity wherever they recur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from loaders import danish
from loaders.names import name_key, ocr_pattern
from loaders.registry import Registry, RegistryEntity
from loaders.scan import (
    WORD_REST, PhraseStarts, Scan, cached_regex, finditer_around, finditer_between, finditer_from, literal_starts,
    word_starts, words_before,
)

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
    #: The full name a short surface stands for ("Lejre" in "kommuner (Lejre, Sorø)" is "Lejre Kommune").
    canonical: str | None = None


def _choice_order(m: Mention) -> tuple[bool, int, int, int]:
    """Which of two overlapping mentions is kept: registry mentions first, then longer spans, then
    by finder in ``MENTION_FINDERS`` order, then earlier ones."""
    if m.entity is not None:
        return False, m.start - m.end, 0, m.start
    return True, m.start - m.end, _FINDER_RANK.get(m.rule, len(_FINDER_RANK)), m.start


MentionFinder = Callable[[str], Iterator[Mention]]


def _each_match(regex: re.Pattern[str], text: str, label: str, rule: str) -> Iterator[Mention]:
    """Every match of ``regex`` as a whole is a mention of ``label``."""
    for m in regex.finditer(text):
        yield Mention(label, m.start(), m.end(), m.group(), rule)


def _endings(endings: tuple[str, ...]) -> str:
    """A group of inflectional endings, longest first, so the regex takes the whole ending."""
    return "(?:" + "|".join(sorted(endings, key=len, reverse=True)) + ")"


def _head_alternation(label: str) -> str:
    heads = danish.BODY_HEADS[label]
    forms = []
    for head, endings in heads.items():
        forms.append(f"{ocr_pattern(head)}{_endings(endings)}")
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
    adjective = rf"(?:[Dd]e[nt]?\s+)?(?i:{adjectives})\s+{_WORD}*{head}" if label == "Group" else None
    compound = rf"(?:{_WORD}+-)*{_WORD}*{head}"
    alternatives = [coordinated, titled] + ([adjective] if adjective else []) + [compound]
    return re.compile(r"(?<![\w@-])(?:" + "|".join(alternatives) + r")(?![\w])")


#: What can lead up to a head noun inside a match of ``_compound_regex``, read backwards from the
#: head: the rest of its word and a hyphenated chain ("HR-"), a coordination ("By-, Erhvervs- og
#: Plan"), "Det"/"Den" and capitalised words ("Det Bydækkende Områ"), and for a group up to two
#: words ("den politiske styre").
_COMPOUND_LEADS_BACKWARDS = (
    re.compile(r"\w*(?:-\w+)*"),
    re.compile(r"\w*\s+go(?:\s+,?-\w+)+"),
    re.compile(rf"\w*(?:\s+\w+[{_UPPER}]){{1,3}}\s+(?:teD|neD)"),
)
_GROUP_LEADS_BACKWARDS = (*_COMPOUND_LEADS_BACKWARDS, re.compile(r"\w*(?:\s+\w+){1,2}"))
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


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=8)
def _compounds(text: str, label: str) -> list[re.Match[str]]:
    """The matches of ``_compound_regex(label)`` in ``text``; kept for the last few, as ``body_compounds``
    and ``qualified_groups`` both read the groups. A head noun that stands alone ("projektet",
    "området") names no particular body but a group (which a qualifier may name: "gruppen vedr. …"),
    so for the other labels it is not even matched."""
    heads = _compound_heads(text, label)
    leads = _GROUP_LEADS_BACKWARDS if label == "Group" else _COMPOUND_LEADS_BACKWARDS
    return list(finditer_around(_compound_regex(label), text, heads, leads, _HEAD_REST, alone=label == "Group"))


def body_compounds(text: str) -> Iterator[Mention]:
    """Committees, administrations, units, groups and initiatives named by a head noun."""
    for label in danish.BODY_HEADS:
        for m in _compounds(text, label):
            prefix = _prefix_of(m.group(), label)
            if prefix in danish.GENERIC_PREFIXES or (len(prefix) < danish.MIN_COMPOUND_PREFIX and "-" not in m.group()
                                                      and " " not in m.group()):
                continue
            if prefix.isdigit():  # "§ 17, stk. 4-udvalgene": the number belongs to the paragraph
                continue
            if label == "Group" and _names_a_kind(m.group(), prefix):
                continue
            if label == "Initiative" and _named_once_as_a_kind(text, m):
                continue
            yield Mention(label, m.start(), m.end(), m.group(), "body_compound")


#: What says which one a compound means: a relative clause ("det partsprojekt, der …") or a number
#: ("frisættelsesforsøg 2.0", "analyse 2024").
_WHICH_ONE = re.compile(r"\s*,\s*(?:" + "|".join(danish.SUBORDINATE_CLAUSE_OPENERS) + r")\b|[ \t]+\d")


def _named_once_as_a_kind(text: str, match: re.Match[str]) -> bool:
    """"Fokus på interessentanalyse", "den kommende sundhedsreform": an initiative compound the text
    names once, in the bare indefinite form and with nothing saying which one, is a kind of
    undertaking, not one the document is about."""
    surface = match.group()
    if not surface.lower().endswith(tuple(danish.BODY_HEADS["Initiative"])) or _WHICH_ONE.match(text, match.end()):
        return False
    use = cached_regex(rf"(?<![\w-])(?i:{re.escape(surface)})")
    uses = finditer_from(use, text, literal_starts(text, surface, ignore_case=True))
    return sum(1 for _ in uses) == 1


def _names_a_kind(surface: str, prefix: str) -> bool:
    """"politiske grupper": only naming adjectives before a bare head noun in the indefinite plural."""
    words = surface.lower().split()
    return (len(words) > 1 and words[-1] in danish.KIND_PLURALS
            and all(word in danish.GROUP_ADJECTIVES for word in prefix.split()))


_FOR_NAME = re.compile(
    rf"\b(?P<head>Udvalget|[{_UPPER}][a-zæøå]+udvalget|[Ff]orvaltning(?:en)?|Center|Centret|Sekretariatet|Kontoret)\s+for\s+"
    rf"(?P<what>[{_UPPER}]{_WORD}*(?:(?:,\s+(?:[{_UPPER}]{_WORD}*|HR|IT))*(?:\s+og\s+|\s+&\s+)(?:[{_UPPER}]{_WORD}*|HR|IT))?)"
)
_FOR_LABELS = {
    "Udvalget": "Committee", "Forvaltningen": "Administration", "Forvaltning": "Administration", "Center": "Unit",
    "Centret": "Unit", "Sekretariatet": "Unit", "Kontoret": "Unit",
}
_FOR_HEADS = PhraseStarts(_FOR_LABELS, ocr=False)
#: A name of that form starts where the word of its head noun starts ("Projektudvalget").
_FOR_NAME_SCAN = Scan(_FOR_NAME, lambda text: word_starts(text, _FOR_HEADS(text)))


def named_for(text: str) -> Iterator[Mention]:
    """"Udvalget for Ældre og Sundhed", "Projektudvalget for Afbureaukratisering og Decentralisering",
    "Center for Politik og HR", "Sekretariatet for Fremfærd",
    "en styrket forvaltning for Klima og Miljø" (the capitalised field makes it a name)."""
    compound_forms: dict[tuple[str, str], str | None] = {}
    for m in _FOR_NAME_SCAN.finditer(text):
        head = m.group("head").capitalize()
        label = _FOR_LABELS["Udvalget"] if head.endswith("udvalget") else _FOR_LABELS[head]
        key = (m.group("what"), label)
        if key not in compound_forms:
            compound_forms[key] = _compound_form(text, *key)
        yield Mention(label, m.start(), m.end(), m.group(), "named_for", canonical=compound_forms[key])


def _compound_form(text: str, what: str, label: str) -> str | None:
    """"Fremfærdssekretariatet", when the text also writes "Sekretariatet for Fremfærd" that way."""
    if " " in what:
        return None
    compound = cached_regex(rf"(?<![\w-]){re.escape(what)}s?(?i:{_head_alternation(label)})(?![\w-])")
    first = next(finditer_from(compound, text, literal_starts(text, what)), None)
    return first.group() if first else None


@lru_cache(maxsize=1)
def _council_regex() -> re.Pattern[str]:
    words = []
    for word, endings in danish.COUNCIL_WORDS.items():
        words.append(f"{ocr_pattern(word)}{_endings(endings)}")
    alternation = "(?i:" + "|".join(words) + ")"
    return re.compile(rf"(?<![\w@])(?:[{_UPPER}]{_WORD}+[ \t]+)?{alternation}(?![\w])")


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


_MUNICIPALITY_LIST = Scan(re.compile(
    rf"\b{danish.MUNICIPALITIES_WORD}\s*\((?P<names>[{_UPPER}]{_WORD}+(?:(?:\s*,\s*|\s+&\s+|\s+og\s+)[{_UPPER}]{_WORD}+)+)\)"
), PhraseStarts([danish.MUNICIPALITIES_WORD], ignore_case=False, ocr=False))


def municipality_lists(text: str) -> Iterator[Mention]:
    """"de 6 kommuner (Lejre, Kalundborg & Sorø)": each name is "<Name> Kommune"."""
    for m in _MUNICIPALITY_LIST.finditer(text):
        for name in re.finditer(rf"[{_UPPER}]{_WORD}+", m.group("names")):
            start = m.start("names") + name.start()
            yield Mention("Organisation", start, start + len(name.group()), name.group(), "municipality_list",
                          canonical=f"{name.group()} {danish.MUNICIPALITY_WORD}")


_NATIONAL_AUTHORITY = Scan(re.compile(
    r"(?<![\w-])(?i:"
    + "|".join(f"{word}(?:{'|'.join(endings)})" for word, endings in danish.NATIONAL_AUTHORITIES.items())
    + r")(?![\w-])"
), PhraseStarts(danish.NATIONAL_AUTHORITIES, ocr=False))


def national_authorities(text: str) -> Iterator[Mention]:
    """"staten", "Regeringen": the national level as a party to municipal cooperation."""
    for m in _NATIONAL_AUTHORITY.finditer(text):
        word = m.group().lower()
        canonical = next(w for w in danish.NATIONAL_AUTHORITIES if word.startswith(w))
        yield Mention("Organisation", m.start(), m.end(), m.group(), "national_authority", canonical=canonical)


_TOGETHER_WORDS = (*danish.MUNICIPALITIES_TOGETHER, danish.MUNICIPALITIES_DEFINITE)
_MUNICIPALITIES_TOGETHER = Scan(
    re.compile(r"(?<![\w-])(?i:" + "|".join(map(re.escape, _TOGETHER_WORDS)) + r")(?![\w-])"),
    PhraseStarts(_TOGETHER_WORDS, ocr=False),
)


def municipalities_together(text: str) -> Iterator[Mention]:
    """"alle landets kommuner", and then "kommunerne": the municipalities as one party."""
    found = list(_MUNICIPALITIES_TOGETHER.finditer(text))
    if not any(m.group().lower() in danish.MUNICIPALITIES_TOGETHER for m in found):
        return
    for m in found:
        yield Mention("Organisation", m.start(), m.end(), m.group(), "municipalities_together",
                      canonical=danish.MUNICIPALITIES_DEFINITE.capitalize())


_AREA_ORGANISATION = Scan(
    re.compile(rf"(?<![\w-])[{_UPPER}]{{2,}}-?(?:" + "|".join(danish.ORGANISATION_AREA_NAMES) + r")(?![\w-])"),
    PhraseStarts(danish.ORGANISATION_AREA_NAMES, ignore_case=False, ocr=False),
    leads=(re.compile(rf"-?[{_UPPER}]*"),),  # the abbreviation before the area's name, read backwards
    tail=WORD_REST,
)


def area_organisations(text: str) -> Iterator[Mention]:
    """"PLO-Midtjylland", "SMVDanmark": an abbreviation with a region or the country."""
    return _each_match(_AREA_ORGANISATION, text, "Organisation", "area_organisation")


_ENGLISH_NAME = Scan(
    re.compile(
        rf"(?<![\w-])[{_UPPER}]{_WORD}+(?:[ \t]+(?:(?:" + "|".join(map(re.escape, danish.ENGLISH_NAME_LINKS))
        + rf")[ \t]+)?[{_UPPER}]{_WORD}+)*?[ \t]+(?:" + "|".join(danish.ENGLISH_BODY_WORDS) + r")(?![\w-])"
    ),
    PhraseStarts(danish.ENGLISH_BODY_WORDS, ignore_case=False, ocr=False),
    leads=(re.compile(r"[\w \t&]*"),),  # the words of the name on the line before its body word
    tail=WORD_REST,
)


def english_names(text: str) -> Iterator[Mention]:
    """"Greater Copenhagen & Skåne Committee": capitalised words ending in an English body word."""
    return _each_match(_ENGLISH_NAME, text, "Organisation", "english_name")


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


_BYLINE_BEFORE = re.compile(rf"(?:^|\n)[ \t]*(?:{'|'.join(danish.BYLINE_WORDS)})[ \t]+$")
#: A word that may be a given name: the ``given`` group of ``_GIVEN_NAME_START`` where that can match.
#: (The look-behind after the capital lets the regex engine skip to capitals.)
_CAPITALISED_WORD = re.compile(rf"[{_UPPER}](?<![\w.].)[a-zæøåéü]+")


def persons_by_given_name(text: str) -> Iterator[Mention]:
    """"Christina Borries, OAO", "siger Thomas Kastrup-Larsen, Borgmester": a known given name and a surname."""
    for word in _CAPITALISED_WORD.finditer(text):
        # each capitalised word may start a name: "Lokaldemokratiudvalget Lene Koustrup Madsen"
        if word.group() not in danish.GIVEN_NAMES or (m := _GIVEN_NAME_START.match(text, word.start())) is None:
            continue
        if _BYLINE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
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


#: What follows the start of a head noun that a version number follows: the rest of its word and space.
_HEAD_BEFORE_NUMBER = re.compile(r"[\w@]*\s+\d")


def versioned_initiatives(text: str) -> Iterator[Mention]:
    """An initiative with a version number: "frisættelsesforsøg 2.0"."""
    heads = _head_starts("Initiative")(text)
    if heads is not None:
        heads = [head for head in heads if _HEAD_BEFORE_NUMBER.match(text, head)]
    starts = word_starts(text, heads)
    for m in finditer_from(_versioned_initiative_regex(), text, starts):
        yield Mention("Initiative", m.start(), m.end(), m.group(), "versioned_initiative")


#: Each owned body's head noun and the label it names.
_OWNED_HEAD_LABELS = {head: label for label, heads in danish.OWNED_BODY_HEADS.items() for head in heads}


def _owned_head_alternation() -> str:
    return "|".join(
        f"{head}{_endings(endings)}"
        for heads in danish.OWNED_BODY_HEADS.values()
        for head, endings in heads.items()
    )


#: An owner is a proper name: an abbreviation ("KOMBIT", "FTF-K") or one capitalised word.
_OWNER = rf"[{_UPPER}][{_UPPER}0-9]+(?:-[{_UPPER}0-9]+)?|[{_UPPER}][a-zæøå]{{2,}}"
_GENITIVE = "|".join(map(re.escape, danish.GENITIVE_ENDINGS))


#: The rest of a word with a genitive ending after an apostrophe ("KL’s").
_GENITIVE_REST = re.compile(r"[\w’']*")


@lru_cache(maxsize=1)
def owned_body_regex() -> re.Pattern[str]:
    """"<Owner>s <head>" (groups ``owner``, ``head``) or "<head> for <Owner>" (``head2``, ``owner2``)."""
    heads = _owned_head_alternation()
    return re.compile(
        rf"(?<![\w@-])(?:(?P<owner>{_OWNER})(?:{_GENITIVE}|\s(?=[{_UPPER}]))\s*(?P<head>(?i:{heads}))"
        rf"|(?P<head2>(?i:{heads}))\s+for\s+(?P<owner2>{_OWNER}))(?![\w-])"
    )


@lru_cache(maxsize=1)
def _owned_body_scan() -> Scan:
    """``owned_body_regex`` around its head nouns: back over the owner and its genitive ("KL’s ",
    "KOMBITs "), on over the ending and "for <Owner>"."""
    heads = PhraseStarts([h for heads in danish.OWNED_BODY_HEADS.values() for h in heads], ocr=False)
    owner_backwards = re.compile(r"\s*(?:s[’']|\s)?[\w-]*")
    return Scan(owned_body_regex(), heads, (owner_backwards,), re.compile(r"[\w-]*(?:\s+for\s+[\w-]*)?"))


@lru_cache(maxsize=4)
def owned_body_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``owned_body_regex`` in ``text``; kept for the last few texts, as the finder and
    the rule that makes a board part of its owner both read them."""
    return list(_owned_body_scan().finditer(text))


#: What comes before a word inside a sentence, read backwards: white space after a small letter, a digit or a comma.
_INSIDE_A_SENTENCE_BACKWARDS = re.compile(r"\s+[a-zæøå0-9,]")


def _is_proper_name(text: str, word: str) -> bool:
    """Written as a name: all capitals, or capitalised somewhere a sentence does not start."""
    if word.isupper():
        return True
    inside = cached_regex(rf"[a-zæøå0-9,]\s+{re.escape(word)}(?:{_GENITIVE})?(?![\w])")
    uses = finditer_around(inside, text, literal_starts(text, word), (_INSIDE_A_SENTENCE_BACKWARDS,), _GENITIVE_REST)
    return next(uses, None) is not None


def owned_bodies(text: str) -> Iterator[Mention]:
    """"KOMBITs bestyrelse", "Bestyrelsen for Fremfærd", "KL's sekretariat": a board or secretariat named by its
    owner, and the owner, wherever the text names it, an organisation."""
    owners: dict[str, bool] = {}
    for m in owned_body_matches(text):
        owner = m.group("owner") or m.group("owner2")
        head = "head" if m.group("head") else "head2"
        if owner not in owners:
            owners[owner] = not _ends_in_body_head(owner) and _is_proper_name(text, owner)
        if not owners[owner]:
            continue
        head_noun = _owned_head_base(m.group(head))
        label = _OWNED_HEAD_LABELS[head_noun]
        canonical = f"{owner if owner.endswith('s') else owner + 's'} {head_noun}"
        # The whole "Fremfærds bestyrelse", and its head alone for where a registry holds the owner.
        yield Mention(label, m.start(), m.end(), m.group(), "owned_body", canonical=canonical)
        yield Mention(label, m.start(head), m.end(head), m.group(head), "owned_body", canonical=canonical)
    for owner in (o for o, is_owner in owners.items() if is_owner):
        uses = cached_regex(rf"(?<![\w@-]){re.escape(owner)}(?:{_GENITIVE})?(?![\w-])")
        for use in finditer_from(uses, text, literal_starts(text, owner)):
            yield Mention("Organisation", use.start(), use.end(), use.group(), "owned_body", canonical=owner)


def _owned_head_base(surface: str) -> str:
    lower = surface.lower()
    return next(head for head in _OWNED_HEAD_LABELS if lower.startswith(head))


@lru_cache(maxsize=4096)
def _ends_in_body_head(word: str) -> bool:
    """"Økonomiudvalgets" names a body already, not an owner."""
    return any(regex.search(word.lower()) for label in danish.BODY_HEADS for regex in _head_endings(label))


_SOLE_BODY = Scan(re.compile(
    r"(?<![\w@-])(?:"
    + "|".join(f"{word}(?:{'|'.join(endings)})" for word, (_, endings) in danish.SOLE_BODY_NAMES.items())
    + r")(?![\w-])"
), PhraseStarts(danish.SOLE_BODY_NAMES, ignore_case=False, ocr=False))


def sole_bodies(text: str) -> Iterator[Mention]:
    """"Magistraten", "Administrationen": capitalised, the bare head noun names the one body."""
    for m in _SOLE_BODY.finditer(text):
        word = next(w for w in danish.SOLE_BODY_NAMES if m.group().startswith(w))
        yield Mention(danish.SOLE_BODY_NAMES[word][0], m.start(), m.end(), m.group(), "sole_body")


@lru_cache(maxsize=1)
def _group_qualifier_regex() -> re.Pattern[str]:
    """What may follow a group's name and belong to it: its field, its members or its subject."""
    field_word = f"{danish.GROUP_FIELD_WORD}(?:{'|'.join(danish.GROUP_FIELD_ENDINGS)})"
    field_ = rf"på\s+(?:{_WORD}+-,?\s+(?:og\s+)?)*{_WORD}*{field_word}"
    name = rf"for\s+[{_UPPER}]{_WORD}*(?:-,?\s+(?:{_WORD}+-,?\s+)*og\s+{_WORD}+)?(?!\s+(?:{danish.NAME_CONTINUATIONS})\s)"
    subject_words = "|".join(map(re.escape, danish.GROUP_SUBJECT_WORDS))
    # only after one definite group ("arbejdsgruppen vedr."); "Følgegrupper vedrørende …" heads a text
    subject = rf"(?:(?<=en\s)|(?<=et\s))(?:{subject_words})\s+[a-zæøå]{_WORD}+(?:\s+og\s+[a-zæøå]{_WORD}+)?"
    return re.compile(rf"\s+(?:{field_}|{name}|{subject})(?![\w-])")


_ARTICLE_BEFORE = re.compile(r"(?<![\w])[Dd]e[nt]?\s+$")


def qualified_groups(text: str) -> Iterator[Mention]:
    """A group named with its field, its members or its subject: "De fælleskommunale styregrupper på
    sundheds- og socialområdet", "Chefforum for Sundheds- og Ældrechefer", "arbejdsgruppen vedr. udvikling"."""
    qualifier = _group_qualifier_regex()
    for m in _compounds(text, "Group"):
        tail = qualifier.match(text, m.end())
        if not tail:
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start())
        start = article.start() if article else m.start()
        yield Mention("Group", start, tail.end(), text[start : tail.end()], "qualified_group")


_LOCAL_COMMITTEE = Scan(
    re.compile(
        rf"(?<![\w-])(?:(?P<district>[{_UPPER}]{_WORD}+(?:(?:-| )[{_UPPER}]{_WORD}+){{0,2}})\s+)?"
        rf"{danish.LOCAL_COMMITTEE_WORD}{_endings(danish.LOCAL_COMMITTEE_ENDINGS)}(?![\w-])"
    ),
    PhraseStarts([danish.LOCAL_COMMITTEE_WORD], ignore_case=False, ocr=False),
    leads=(re.compile(r"\s+\w+(?:[- ]\w+){0,2}"),),  # the district's name, read backwards
    tail=WORD_REST,
)


def local_committees(text: str) -> Iterator[Mention]:
    """"Brønshøj-Husum Lokaludvalg", and "Lokaludvalget" in a document that names only that one."""
    named = [m for m in _LOCAL_COMMITTEE.finditer(text) if m.group("district")]
    districts = {m.group("district") for m in named}
    for m in _LOCAL_COMMITTEE.finditer(text):
        if m.group("district"):
            yield Mention("Committee", m.start(), m.end(), m.group(), "local_committee",
                          canonical=f"{m.group('district')} {danish.LOCAL_COMMITTEE_WORD}")
        elif len(districts) == 1:
            yield Mention("Committee", m.start(), m.end(), m.group(), "local_committee",
                          canonical=f"{next(iter(districts))} {danish.LOCAL_COMMITTEE_WORD}")


_ADJECTIVE_COMMITTEE = Scan(
    re.compile(
        rf"(?<![\w-])[{_UPPER}][a-zæøå]+{_endings(danish.NAMING_ADJECTIVE_ENDINGS)}\s+"
        rf"{danish.COMMITTEE_WORD}{_endings(danish.COMMITTEE_ENDINGS)}(?![\w-])"
    ),
    PhraseStarts([danish.COMMITTEE_WORD], ignore_case=False, ocr=False),
    leads=(re.compile(r"\s+\w+"),),  # the adjective, read backwards
    tail=WORD_REST,
)


def adjective_committees(text: str) -> Iterator[Mention]:
    """"Teknisk Udvalg": a capitalised adjective and a capitalised "Udvalg" name a committee."""
    return _each_match(_ADJECTIVE_COMMITTEE, text, "Committee", "adjective_committee")


_NAMED_COUNCIL = Scan(
    re.compile(
        rf"(?<![\w-])(?:[{_UPPER}]{_WORD}+-,?\s+(?:{_WORD}+-,?\s+)*og\s+)?"
        rf"(?:[{_UPPER}]{_WORD}+|[{_UPPER}]{{2,}}|\d+)(?:\s+(?:[{_UPPER}]{_WORD}+|\d+)){{0,2}}\s+"
        rf"{danish.NAMED_COUNCIL_WORD}(?P<ending>{_endings(danish.NAMED_COUNCIL_ENDINGS)})(?![\w-])"
    ),
    PhraseStarts([danish.NAMED_COUNCIL_WORD], ignore_case=False, ocr=False),
    # read backwards: up to three words, or the fewest words that a coordination ("By-, Erhvervs- og") precedes
    leads=(re.compile(r"\s+\w+(?:\s+\w+){0,2}"), re.compile(r"\s+\w+(?:\s+\w+){0,2}?\s+go(?:\s+,?-\w+)+")),
    tail=WORD_REST,
)


def named_councils(text: str) -> Iterator[Mention]:
    """"Klima- og Agenda 21 Rådet": capitalised words before a capitalised "Råd" name a council of
    citizens or experts, a group (the elected council is "Byrådet", one word)."""
    for m in _NAMED_COUNCIL.finditer(text):
        if m.group().split()[0] in {"Det", "Den", "De"}:
            continue
        yield Mention("Group", m.start(), m.end(), m.group(), "named_council",
                      canonical=m.group()[: m.start("ending") - m.start()])


_INITIATIVE_OF_NAME = re.compile(
    r"(?<![\w-])(?P<nominal>(?i:" + "|".join(f"{stem}(?:{end})?" for stem, end in danish.INITIATIVE_NOMINALS.items())
    + rf"))\s+af\s+(?P<name>[{_UPPER}][{_UPPER}0-9]+|[{_UPPER}][a-zæøå]+)(?=[\s.,;:)])"
)


_NOMINAL_STARTS = PhraseStarts(danish.INITIATIVE_NOMINALS)


def initiatives_of_a_name(text: str) -> Iterator[Mention]:
    """"implementeringen af KY", "evaluering af Borgerrådgiveren": an undertaking about a named thing.
    It is named in its definite form when the text ever uses that, else as written; the verbal
    noun alone stands for it where a registry holds the name."""
    found = []
    for m in finditer_from(_INITIATIVE_OF_NAME, text, _NOMINAL_STARTS(text)):
        nominal = m.group("nominal").lower()
        stem = next(s for s in danish.INITIATIVE_NOMINALS if nominal.startswith(s))
        found.append((m, stem, nominal != stem))
    definite = {(stem, m.group("name")) for m, stem, is_definite in found if is_definite}
    for m, stem, _ in found:
        name = m.group("name")
        nominal = stem + danish.INITIATIVE_NOMINALS[stem] if (stem, name) in definite else stem
        canonical = f"{nominal.capitalize()} af {name}"
        yield Mention("Initiative", m.start(), m.end(), m.group(), "initiative_of_name", canonical=canonical)
        yield Mention("Initiative", m.start(), m.end("nominal"), m.group("nominal"), "initiative_of_name",
                      canonical=canonical)


_PROPOSAL_SUBJECT = Scan(re.compile(
    rf"(?<![\w])(?i:{'|'.join(danish.FINITE_DECISION_CUES)})\s+(?:(?:den|d\.)\s+[^;\n]{{0,25}}?\d{{4}}\s+)?"
    rf"(?i:{'|'.join(danish.PROPOSAL_SUBJECT_NOUNS)})\s+om\s+"
    rf"(?P<subject>(?!at\b){_WORD}+(?:\s+(?!som\b|der\b|og\b){_WORD}+){{0,{danish.PROPOSAL_SUBJECT_MAX_WORDS - 1}}})"
    rf"(?=\s*[.,;:\n])"
), PhraseStarts(danish.FINITE_DECISION_CUES, ocr=False))


def proposal_subjects(text: str) -> Iterator[Mention]:
    """"Økonomiudvalget tiltrådte den 15. juni 2010 indstilling om Fast track, som …": the short
    phrase a decided proposal is about names an initiative."""
    for m in _PROPOSAL_SUBJECT.finditer(text):
        subject = m.group("subject")
        yield Mention("Initiative", m.start("subject"), m.end("subject"), subject, "proposal_subject",
                      canonical=subject[:1].upper() + subject[1:])


_AGREEMENT = Scan(re.compile(
    rf"(?<![\w-])(?:{'|'.join(danish.AGREEMENT_NOUNS)})\s+om\s+"
    rf"{_WORD}+(?:\s+{_WORD}+){{0,{danish.AGREEMENT_SUBJECT_MAX_WORDS - 1}}}?"
    rf"(?=\s+{danish.AGREEMENT_PARTIES_WORD}\s)"
), PhraseStarts(danish.AGREEMENT_NOUNS, ocr=False))


def agreements(text: str) -> Iterator[Mention]:
    """"aftalen om kommunernes økonomi i 2014 mellem KL og Regeringen": an agreement between named
    parties is an initiative, named by its subject."""
    for m in _AGREEMENT.finditer(text):
        yield Mention("Initiative", m.start(), m.end(), m.group(), "agreement",
                      canonical=m.group()[:1].upper() + m.group()[1:])


_QUOTED_TITLE = rf"[{re.escape(danish.QUOTES)}](?P<title>[{_UPPER}][^{re.escape(danish.QUOTES)}\n]{{2,80}}?)[{re.escape(danish.QUOTES)}]"
_TITLED_INITIATIVES = re.compile(
    r"(?<![\w])(?i:" + "|".join(danish.TITLED_INITIATIVE_NOUNS) + r")\s+"
    + rf"{_QUOTED_TITLE}(?:(?:\s*,\s*|\s+og\s+){_QUOTED_TITLE.replace('title', 'more')})*"
)
_ONE_QUOTED_TITLE = re.compile(_QUOTED_TITLE)
_TITLED_NOUN_STARTS = PhraseStarts(danish.TITLED_INITIATIVE_NOUNS)


def quoted_initiatives(text: str) -> Iterator[Mention]:
    """"to rapporter ’Styrket decentral forvaltningsorganisering’ og ’Placering af tværgående enheder’":
    each quoted, capitalised title after such a noun is an initiative."""
    for m in finditer_from(_TITLED_INITIATIVES, text, _TITLED_NOUN_STARTS(text)):
        for title in _ONE_QUOTED_TITLE.finditer(text, m.start("title") - 1, m.end()):
            yield Mention("Initiative", title.start("title"), title.end("title"), title.group("title"), "quoted_initiative")


@lru_cache(maxsize=1)
def _task_moving_regex() -> re.Pattern[str]:
    verbs = "|".join(ocr_pattern(v) for v in danish.TASK_MOVING_VERBS)
    quantifiers = "|".join(danish.TASK_QUANTIFIERS)
    relative = "|".join(danish.TASK_RELATIVE_WORDS)
    word = rf"{_WORD}+(?:-{_WORD}+)*-?"
    return re.compile(
        rf"(?:^|(?<=[.,;:–\n]))\s*(?:(?:og|at)\s+)?(?:(?i:{quantifiers})\s+)?"
        rf"(?P<task>{word}(?:\s+(?:og\s+)?{word}){{0,5}}?)"
        rf"(?:\s+(?:{relative})\s+[^.;:\n]{{0,80}}?)?\s+(?i:{verbs})(?![\w])",
        re.MULTILINE,
    )


#: Where a verb that moves a task can start: a task's phrase is read only in the clause around one.
_TASK_VERB_STARTS = PhraseStarts(danish.TASK_MOVING_VERBS)


def tasks_being_moved(text: str) -> Iterator[Mention]:
    """"Regional udvikling flyttes fra …", "og det specialiserede børneområde flyttes til …",
    "De turismemæssige opgaver som hørte under X overføres til …": the phrase a transfer moves is a task."""
    for m in finditer_between(_task_moving_regex(), text, _TASK_VERB_STARTS(text), ".;:"):
        surface = m.group("task")
        words = surface.lower().split()
        if set(words) <= danish.GENERIC_TASK_WORDS or any(w[:1].isupper() for w in surface.split()[1:]):
            continue  # "De opgaver" names no task; a capitalised word inside is a body's name
        if words[-1] in danish.NOT_TASK_WORDS:
            continue  # "Sagen overføres til Borgerrepræsentationen" moves a case, not a task
        if any(_compound_regex(label).search(surface) for label in danish.BODY_HEADS if label != "Task"):
            continue  # "den nye arbejdsgruppe samles i …" moves a body, not a task
        yield Mention("Task", m.start("task"), m.end("task"), surface, "task_being_moved")


#: The finders that do not need a registry, by name; any can be switched off. Between two
#: equally long mentions of one span the earlier finder wins ("kommunalbestyrelsen" is a council).
MENTION_FINDERS: dict[str, MentionFinder] = {
    "council": councils,
    "body_compound": body_compounds,
    "named_for": named_for,
    "municipality": municipalities,
    "municipality_list": municipality_lists,
    "national_authority": national_authorities,
    "municipalities_together": municipalities_together,
    "area_organisation": area_organisations,
    "english_name": english_names,
    "person_party": persons_with_party,
    "person_given_name": persons_by_given_name,
    "versioned_initiative": versioned_initiatives,
    "owned_body": owned_bodies,
    "sole_body": sole_bodies,
    "qualified_group": qualified_groups,
    "local_committee": local_committees,
    "adjective_committee": adjective_committees,
    "named_council": named_councils,
    "initiative_of_name": initiatives_of_a_name,
    "quoted_initiative": quoted_initiatives,
    "proposal_subject": proposal_subjects,
    "agreement": agreements,
    "task_being_moved": tasks_being_moved,
}
_FINDER_RANK = {name: rank for rank, name in enumerate(MENTION_FINDERS)}


#: A registry name followed by this is only the first part of a compound ("BR-sekretariatet").
_COMPOUND_CONTINUES = re.compile(r"-[a-zæøå]")


def registry_mentions(text: str, registries: Iterable[Registry]) -> Iterator[Mention]:
    for registry in registries:
        for match in registry.find(text):
            if _COMPOUND_CONTINUES.match(text, match.end):
                continue
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
        uses = cached_regex(rf"(?<![\w@]){re.escape(abbreviation)}s?(?![\w])")
        for use in finditer_from(uses, text, literal_starts(text, abbreviation)):
            yield Mention(mention.label, use.start(), use.end(), use.group(), "defined_abbreviation",
                          entity=mention.entity, same_as=mention)


def standard_abbreviations(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """"anbefales over for KB" in minutes that name "Kommunalbestyrelsen": a standard abbreviation,
    never introduced, stands for the body of its kind that the document names."""
    for abbreviation, (label, head) in danish.STANDARD_BODY_ABBREVIATIONS.items():
        named = next((m for m in mentions if m.label == label and m.surface.lower().startswith(head)), None)
        if named is None:
            continue
        uses = cached_regex(rf"(?<![\w@-]){re.escape(abbreviation)}s?(?![\w-])")
        for use in finditer_from(uses, text, literal_starts(text, abbreviation)):
            yield Mention(label, use.start(), use.end(), use.group(), "standard_abbreviation",
                          entity=named.entity, same_as=named)


_QUOTE_OR_SPACE = rf"[\s{re.escape(danish.QUOTES)}]*"
_NAME_CHANGE_BEFORE = re.compile(rf"(?i:{'|'.join(danish.NAME_CHANGE_WORDS)}){_QUOTE_OR_SPACE}$")
_RENAMING_AFTER = re.compile(rf"{_QUOTE_OR_SPACE}(?i:{'|'.join(danish.RENAMING_CUES)}){_QUOTE_OR_SPACE}")


def follow_renames(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Navnet ”By-, Erhvervs- og Klimaudvalg” ændres til ”Klima-, By- og Erhvervsudvalg”": one body
    under two names, so every mention of the old name stands for the new one."""
    new_name_of: dict[tuple[str, str], Mention] = {}
    for old, new in zip(mentions, mentions[1:]):
        if (old.label == new.label and _NAME_CHANGE_BEFORE.search(text, max(0, old.start - 12), old.start)
                and _RENAMING_AFTER.fullmatch(text, old.end, new.start)):
            new_name_of[old.label, name_key(old.surface)] = new
    if not new_name_of:
        return mentions
    return [
        replace(m, same_as=new_name_of[key]) if (key := (m.label, name_key(m.surface))) in new_name_of else m
        for m in mentions
    ]


_ORGANISATION_ABBREVIATION = rf"[{_UPPER}][{_UPPER}0-9]{{1,7}}(?:-[{_UPPER}0-9]{{1,3}})?"
_AFFILIATION = re.compile(
    rf"(?:,\s*|\s*\()(?P<orgs>{_ORGANISATION_ABBREVIATION}(?:/{_ORGANISATION_ABBREVIATION})*)(?=[\s,.;)/]|$)"
)


def person_affiliations(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """"Lisbeth Raahauge, FTF-K/BUPL", "Tina Bentzen (UKON)": the abbreviation after a person is
    the organisation the person comes from. A party letter ("(F)") is a single letter or two."""
    for mention in mentions:
        if mention.label != "Person":
            continue
        m = _AFFILIATION.match(text, mention.end)
        if not m or (text[mention.end :].lstrip().startswith("(") and len(m.group("orgs")) <= 2):
            continue
        for org in re.finditer(r"[^/]+", m.group("orgs")):
            start = m.start("orgs") + org.start()
            yield Mention("Organisation", start, start + len(org.group()), org.group(), "person_affiliation")


_FULL_NAME_WORD = rf"[{_UPPER}][a-zæøåéü]+(?:-[{_UPPER}][a-zæøåéü]+)?"
#: What may follow a person in a list before the next item: an affiliation ("OAO", "(UKON)",
#: "Sundhedskartellet/DSR") and a comma or "og".
_AFFILIATION_NAME = rf"(?:{_ORGANISATION_ABBREVIATION}|{_FULL_NAME_WORD})"
_AFTER_LISTED_PERSON = (
    rf"(?:(?:,\s*|\s*\(){_AFFILIATION_NAME}(?:/{_AFFILIATION_NAME})*\)?)?"
    r"(?P<separator>\s*,\s*|\s+og\s+)"
)
_BETWEEN_LISTED_PERSONS = re.compile(_AFTER_LISTED_PERSON)
#: The next item of a list after a person: a name of two or three capitalised words, ending its item.
_NEXT_LISTED_NAME = re.compile(
    rf"{_AFTER_LISTED_PERSON}(?P<name>{_FULL_NAME_WORD}(?: {_FULL_NAME_WORD}){{1,2}})(?=\s*[,.;:()]|\s+og\s|\s*$)",
    re.MULTILINE,
)


def listed_persons(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """"… Palle Lolk og Jarl Feyling", "Christina Borries, OAO, Jo Gadegaard, FOA, Hans Jessen": a name
    of two or three capitalised words between two persons of a list (each perhaps with an
    affiliation), or ending a list of persons, is a person's, whether its given name is known or not."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for _ in range(danish.LISTED_PERSON_ROUNDS):
        persons = [i for i, m in enumerate(ordered) if m.label == "Person"]
        found = [person for before, after in zip(persons, persons[1:] + [None])
                 if (person := _listed_after(text, ordered, before, after))]
        if not found:
            return
        yield from found
        ordered = sorted(ordered + found, key=lambda m: m.start)


def _listed_after(text: str, ordered: list[Mention], person: int, next_person: int | None) -> Mention | None:
    """The person named as the list item after ``ordered[person]``, if it is one: the next person
    follows it in the same list, or it ends a list in which another person comes before."""
    item = _NEXT_LISTED_NAME.match(text, ordered[person].end)
    if item is None or any(word in danish.NOT_SURNAMES for word in item.group("name").split()):
        return None
    start, end = item.span("name")
    if any(m.start < end and start < m.end for m in ordered[person + 1 : (next_person or len(ordered)) + 1]):
        return None  # the name is, or is part of, something already found
    if item.group("separator").strip() == "og":
        listed = _after_a_listed_person(text, ordered, person)
    else:
        listed = next_person is not None and _BETWEEN_LISTED_PERSONS.fullmatch(text, end, ordered[next_person].start)
    return Mention("Person", start, end, item.group("name"), "listed_person") if listed else None


def _after_a_listed_person(text: str, ordered: list[Mention], person: int) -> bool:
    """The person ``ordered[person]`` is an item of a list after another person's item."""
    earlier = next((i for i in range(person - 1, -1, -1) if ordered[i].label == "Person"), None)
    return earlier is not None and _BETWEEN_LISTED_PERSONS.fullmatch(
        text, ordered[earlier].end, ordered[person].start
    ) is not None


_CAPITALISED_NAME = rf"[{_UPPER}][a-zæøå]+(?:[{_UPPER}][a-zæøå]+)*"
_COORDINATED_ORGANISATIONS = re.compile(
    rf"\s*\(?(?:og|samt)\s+(?P<names>{_ORGANISATION_ABBREVIATION}(?=[\s,.;:)])"
    rf"|(?:{_ORGANISATION_ABBREVIATION}|{_CAPITALISED_NAME})(?:/(?:{_ORGANISATION_ABBREVIATION}|{_CAPITALISED_NAME}))+)"
)


def coordinated_organisations(text: str, mentions: list[Mention]) -> Iterator[Mention]:
    """"KOMBIT og EG/Netcompany", "Fremfærd (og AUA)": an abbreviation, or names joined by a slash,
    in coordination with an organisation are organisations too."""
    for mention in mentions:
        if mention.label != "Organisation":
            continue
        m = _COORDINATED_ORGANISATIONS.match(text, mention.end)
        if not m:
            continue
        for name in re.finditer(r"[^/]+", m.group("names")):
            start = m.start("names") + name.start()
            yield Mention("Organisation", start, start + len(name.group()), name.group(), "coordinated_organisation")


#: A line this long is running text, not a title in a list of related documents.
_RUNNING_TEXT_LINE = 200
_RELATED_HEADING = Scan(
    re.compile(
        r"^[ \t]*(?:" + "|".join(map(re.escape, danish.RELATED_DOCUMENTS_HEADINGS)) + r")[ \t]*:?[ \t]*$", re.M | re.I
    ),
    PhraseStarts(danish.RELATED_DOCUMENTS_HEADINGS, ocr=False),
    leads=(re.compile(r"[ \t]*"),),  # the indent of the heading's line, read backwards
    tail=re.compile(r"[^\n]*"),
)
_TRANSCRIPT_MARKER = re.compile(r"^[ \t]*(?:" + "|".join(map(re.escape, danish.TRANSCRIPT_MARKERS)) + ")", re.M | re.I)


def related_document_lists(text: str) -> list[tuple[int, int]]:
    """Spans of a document-sharing page's list of other documents' titles ("Relaterede
    dokumenter"), up to the document's own text ("Transkript:") or its first line of running text.
    The titles name other municipalities and projects; they are not facts of this document."""
    spans = []
    for heading in _RELATED_HEADING.finditer(text):
        marker = _TRANSCRIPT_MARKER.search(text, heading.end())
        end = marker.start() if marker else len(text)
        for line in re.finditer(r"[^\n]+", text[heading.end() : end]):
            if len(line.group()) >= _RUNNING_TEXT_LINE:
                end = heading.end() + line.start()
                break
        spans.append((heading.start(), end))
    return spans


def _outside(spans: list[tuple[int, int]], mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if not any(start <= m.start < end for start, end in spans)]


#: Finders that read what follows the mentions found before them, in the order they run.
_FINDERS_AFTER_MENTIONS: dict[str, Callable[[str, list[Mention]], Iterable[Mention]]] = {
    "defined_abbreviation": defined_abbreviations,
    "standard_abbreviation": standard_abbreviations,
    "listed_person": listed_persons,
    "person_affiliation": person_affiliations,
    "coordinated_organisation": coordinated_organisations,
}


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
    if "related_documents" not in disabled:
        candidates = _outside(related_document_lists(text), candidates)
    kept = _without_overlaps(candidates)
    for name, finder in _FINDERS_AFTER_MENTIONS.items():
        if name not in disabled and (more := list(finder(text, kept))):
            kept = _without_overlaps(kept + more)
    if "rename" not in disabled:
        kept = follow_renames(text, kept)
    return kept


def _without_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Greedy choice in ``_choice_order``."""
    ordered = sorted(candidates, key=_choice_order)
    taken: list[Mention] = []
    occupied = bytearray(max((m.end for m in candidates), default=0))
    for mention in ordered:
        if occupied.find(1, mention.start, mention.end) >= 0:
            continue
        occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        taken.append(mention)
    return sorted(taken, key=lambda m: m.start)
