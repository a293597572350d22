"""Folding rules for names: OCR variants and Danish inflection.

Two rules, both derived from ``loaders.danish`` tables rather than from lists
of variants:

* the OCR rule: a letter OCR often misreads (ø, æ, å, 1) may appear as any of
  its confusions. ``ocr_pattern`` turns a correct name into a regular
  expression that also finds ``@konomiudvalget`` or ``Barne- og
  Ungdomsforvaltningen``; ``ocr_fold`` gives garbled and correct forms the
  same comparison key.
* the inflection rule: definite, genitive and plural forms of a body's head
  noun ("implementeringsgrupperne", "Økonomiudvalgets") fold to one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders import danish

_FOLDED_TO_STAR = frozenset("æøåaeogz@q0")


def ocr_fold(text: str) -> str:
    """Comparison key that is equal for a name and its OCR-garbled forms.

    Case, white space, hyphens and punctuation are folded, and every letter
    that OCR confuses with æ/ø/å becomes ``*``. The key is lossy on purpose;
    it is compared only among names of one label.
    """
    out = []
    for ch in text.casefold():
        if ch in _FOLDED_TO_STAR:
            out.append("*")
        elif ch == "|":
            out.append("1")
        elif ch.isalnum():
            out.append(ch)
        elif ch == "&":
            out.append("&")
    return "".join(out)


def ocr_pattern(text: str, *, capitals: bool = False) -> str:
    """Regex fragment matching ``text`` and its OCR-garbled variants.

    With ``capitals`` (abbreviations such as ``ØKF``), a capital Ø matches only
    the capitals OCR reads it as (``QKF``, ``@U``, ``OKF``), so the pattern can
    be matched case-sensitively.
    """
    parts = []
    for ch in text:
        if capitals and ch in danish.OCR_CAPITAL_CONFUSIONS:
            parts.append(f"[{re.escape(danish.OCR_CAPITAL_CONFUSIONS[ch])}]")
        elif ch.lower() in danish.OCR_CONFUSIONS:
            variants = danish.OCR_CONFUSIONS[ch.lower()]
            if not capitals:
                variants += variants.upper()
            parts.append(f"[{re.escape(''.join(dict.fromkeys(variants)))}]")
        elif ch.isspace():
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"-\s*")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


@lru_cache(maxsize=None)
def _inflections() -> list[tuple[str, str]]:
    """(folded inflected ending, folded head) pairs, longest ending first."""
    pairs = set()
    for heads in danish.BODY_HEADS.values():
        for head, endings in heads.items():
            for ending in endings:
                pairs.add((ocr_fold(head + ending), ocr_fold(head)))
    for word, endings in danish.COUNCIL_WORDS.items():
        for ending in endings:
            pairs.add((ocr_fold(word + ending), ocr_fold(word)))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@lru_cache(maxsize=None)
def _inflection_index() -> tuple[tuple[int, ...], dict[str, str]]:
    """``_inflections`` for look-up by suffix: the ending lengths, longest first, and
    each folded ending's head (the first pair's, as a scan of ``_inflections`` finds it)."""
    heads: dict[str, str] = {}
    for inflected, head in _inflections():
        heads.setdefault(inflected, head)
    return tuple(sorted({len(i) for i in heads}, reverse=True)), heads


_ARTICLE = re.compile(r"^(?:den|det|de)\s+", re.I)
_ADJECTIVE_E = re.compile(r"(isk|iv|ig|al)e$", re.I)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Key under which inflected and OCR-garbled forms of one name fall together.

    ``Implementeringsgrupperne``, ``implementeringsgrupper`` and
    ``implementeringsgruppe`` share a key; so do ``Økonomiudvalgets`` and
    ``@konomiudvalget``. A leading article ("den politiske styregruppe") and
    an adjective's inflection ("politiske") are folded too.
    """
    words = _ARTICLE.sub("", name.strip()).split()
    words = [_ADJECTIVE_E.sub(r"\1", w) for w in words]
    key = ocr_fold(" ".join(words))
    lengths, heads = _inflection_index()
    for length in (n for n in lengths if n <= len(key)):
        head = heads.get(key[-length:])
        if head is not None:
            return key[:-length] + head
    return key


@lru_cache(maxsize=65536)
def display_name(surface: str) -> str:
    """A mention as a node name: one line, no leading article, no genitive -s, capitalised."""
    name = re.sub(r"\s+", " ", surface).strip(" ,.;:")
    name = re.sub(r"^(?:den|det|de)\s+(?=[a-zæøå])", "", name)
    if name.endswith("s") and not name.isupper() and name_key(name[:-1]) == name_key(name):
        name = name[:-1]
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=None)
def _readable_inflections() -> list[tuple[str, str]]:
    pairs = set()
    for heads in danish.BODY_HEADS.values():
        for head, endings in heads.items():
            pairs.update((head + ending, head) for ending in endings)
    for word, endings in danish.COUNCIL_WORDS.items():
        pairs.update((word + ending, word) for ending in endings)
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@lru_cache(maxsize=65536)
def stem_name(name: str) -> str:
    """Readable base form of a name, for node ids: "Implementeringsgrupperne" -> "implementeringsgruppe".

    Like ``name_key`` but without the OCR folding, so ids stay legible and the
    same across documents that inflect a name differently.
    """
    words = re.sub(r"^(?:den|det|de)\s+", "", " ".join(name.split()), flags=re.I).casefold().split()
    words = [re.sub(r"(isk|iv|ig|al)e$", r"\1", w) for w in words]
    text = " ".join(words)
    lengths, heads = _readable_inflection_index()
    for length in lengths:
        head = heads.get(text[-length:]) if length <= len(text) else None
        if head is not None:
            return text[: len(text) - length] + head
    return text


@lru_cache(maxsize=None)
def _readable_inflection_index() -> tuple[tuple[int, ...], dict[str, str]]:
    """``_readable_inflections`` for look-up by suffix, as ``_inflection_index`` is for ``_inflections``."""
    heads: dict[str, str] = {}
    for inflected, head in _readable_inflections():
        heads.setdefault(inflected, head)
    return tuple(sorted({len(i) for i in heads}, reverse=True)), heads


@lru_cache(maxsize=1)
def _respelling_index() -> dict[str, str]:
    """Folded key -> correct spelling of every respelling word."""
    return {ocr_fold(word): word for word in danish.RESPELLING_WORDS}


_LINKS = ("s", "*")  # letters that join compound parts: -s-, -e- (folded to *); or none
_ENDINGS = ("", "*t", "*n", "*r", "*rn*", "n*", "s", "*ts", "*ns", "*r*", "*s", "t")


def respell(word: str) -> str | None:
    """The correctly spelled form of an OCR-garbled word, or None.

    Only a word without æ/ø/å that splits entirely into ``RESPELLING_WORDS``
    (with linking letters and an inflection) is respelt; the letters OCR got
    right are kept, the garbled ones come from the listed words.
    """
    if any(ch in word.lower() for ch in "æøå") or not word.isalpha():
        return None
    folded = ocr_fold(word)
    if len(folded) != len(word):
        return None
    parts = _split(folded, 0)
    if parts is None:
        return None
    out, pos = [], 0
    for kind, length, spelling in parts:
        piece = word[pos : pos + length]
        out.append(_keep_case(piece, spelling) if kind == "word" else piece)
        pos += length
    repaired = "".join(out)
    return repaired if repaired != word else None


@lru_cache(maxsize=4096)
def _split(folded: str, start: int) -> tuple | None:
    """Split ``folded[start:]`` into listed words, links and a final ending (longest words first)."""
    index = _respelling_index()
    for end in range(len(folded), start, -1):
        spelling = index.get(folded[start:end])
        if spelling is None:
            continue
        rest = folded[end:]
        if rest in _ENDINGS:
            return (("word", end - start, spelling), ("ending", len(rest), ""))
        for link in _LINKS:
            if rest.startswith(link):
                tail = _split(folded, end + len(link))
                if tail is not None:
                    return (("word", end - start, spelling), ("link", len(link), ""), *tail)
        tail = _split(folded, end)
        if tail is not None:
            return (("word", end - start, spelling), *tail)
    return None


def _keep_case(original: str, spelling: str) -> str:
    return spelling[:1].upper() + spelling[1:] if original[:1].isupper() else spelling


@lru_cache(maxsize=65536)
def respell_name(name: str) -> str | None:
    """A name with each OCR-garbled word respelt, or None when nothing changes."""
    words = re.split(r"(\W+)", name)
    changed = [respell(w) or w for w in words]
    joined = "".join(changed)
    return joined if joined != name else None
