"""Exact regex scans that skip the text where a pattern cannot match.

Most patterns of the extractor are alternations of Danish words in their OCR
forms (``ocr_pattern``): registry names, cue words, head nouns. Trying such an
alternation at every position of a document is what made extraction slow.
Every match of a phrase, though, contains one of a few *keys*: a word of the
phrase in one of its OCR forms ("Økonomiudvalget", "@konomiudvalget",
"0konomiudvalget" …), or, for a word with too many forms, its longest stretch
of plain letters. One Aho-Corasick pass over the lower-cased text finds the
keys of every phrase list at once; ``PhraseStarts`` turns them into the few
positions where a match can start, and ``finditer_from`` tries the pattern
only there, yielding exactly what ``pattern.finditer`` would. A pattern whose
start is not fixed by such a word (a compound name before its head noun, a
person's name before "(F)") runs, with ``finditer_around``, only in windows
around the words every match holds. A ``Scan`` bundles a pattern with what
tells where its matches can be.

A letter whose case folds oddly ("ſ") makes a text be scanned whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from math import prod
from typing import Callable, Iterable, Iterator, TypeAlias

import ahocorasick

from loaders import danish
from loaders.names import ocr_pattern

#: Letters that ``re.IGNORECASE`` equates with a letter of another lower case ("ſ" with "s"):
#: in a text with one of them, a search of the lower-cased text could miss a match.
_ODD_CASE = "İıſ"


@lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """``text`` in lower case, where a case-insensitive match is a plain substring; None where it is not.
    Kept for the last few texts: call ``_lower`` for a short string."""
    return _lower(text)


def _lower(text: str) -> str | None:
    if any(ch in text for ch in _ODD_CASE):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


@lru_cache(maxsize=4)
def reversed_text(text: str) -> str:
    """``text`` backwards, for patterns that read back from a position."""
    return text[::-1]


def _variable(ch: str, capitals: bool, ocr: bool = True) -> bool:
    """Does ``ocr_pattern`` render ``ch`` as anything but the letter itself (a confusion class, ``\\s+``, ``-\\s*``)?
    Without ``ocr`` only white space and hyphens vary."""
    return ch.isspace() or ch == "-" or ocr and (
        ch.lower() in danish.OCR_CONFUSIONS or (capitals and ch in danish.OCR_CAPITAL_CONFUSIONS)
    )


def _plain_key(phrase: str, capitals: bool, ocr: bool) -> tuple[int, int]:
    """Start and end of the longest stretch of ``phrase`` that ``ocr_pattern`` leaves as plain letters."""
    best, start = (0, 0), 0
    for i, ch in enumerate(phrase + " "):
        if i == len(phrase) or _variable(ch, capitals, ocr):
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    return best


#: A word of a phrase is sought in all its OCR forms ("møde", "mode", "m@de" …) when they are no more
#: than this many; a word with more is sought by its longest stretch of plain letters.
_MAX_KEY_FORMS = 256


def _letter_forms(ch: str, capitals: bool, ocr: bool, ignore_case: bool) -> str:
    """The letters ``ocr_pattern`` lets stand for ``ch``, in lower case where the text is read so."""
    if ocr and capitals and ch in danish.OCR_CAPITAL_CONFUSIONS:
        forms = danish.OCR_CAPITAL_CONFUSIONS[ch]
    elif ocr and ch.lower() in danish.OCR_CONFUSIONS:
        forms = danish.OCR_CONFUSIONS[ch.lower()]
        forms += "" if capitals else forms.upper()
    else:
        forms = ch
    return "".join(dict.fromkeys(forms.lower() if ignore_case else forms))


def _key(phrase: str, capitals: bool, ocr: bool, ignore_case: bool) -> tuple[int, int, list[str]]:
    """Start and end of the part of ``phrase`` to search for, and the forms it can take in a text:
    the longest word whose OCR forms are few enough, else the longest stretch of plain letters."""
    best: tuple[int, int, list[str]] = (0, 0, [])
    for word in re.finditer(r"[^\s-]+", phrase):
        letters = [_letter_forms(ch, capitals, ocr, ignore_case) for ch in word.group()]
        if word.end() - word.start() > best[1] - best[0] and prod(map(len, letters)) <= _MAX_KEY_FORMS:
            best = (word.start(), word.end(), ["".join(form) for form in product(*letters)])
    if best[2]:
        return best
    start, end = _plain_key(phrase, capitals, ocr)
    key = phrase[start:end].lower() if ignore_case else phrase[start:end]
    return start, end, [key] if key else []


#: How to go back from where a key is found to where its phrase starts: a fixed number of letters
#: or the length a reversed pattern matches.
Back: TypeAlias = "int | re.Pattern[str]"


class _Keys:
    """The keys of every ``PhraseStarts``, found in a lower-cased text in one pass (Aho-Corasick)
    that also turns each key found into the phrase starts of every list that seeks it.

    A key's seekers are of two kinds: those that go a fixed way back from the key in any case, kept
    as the distance from the key's last letter to the phrase's start, and the others."""

    def __init__(self) -> None:
        #: key in lower case -> (list, distance from the key's last letter back to the phrase's start)
        self._plain: dict[str, list[tuple[int, int]]] = defaultdict(list)
        #: key in lower case -> (list, the key as written where case matters, key length, how to go back)
        self._other: dict[str, list[tuple[int, str | None, int, Back]]] = defaultdict(list)
        self._lists = 0
        self._automaton = ahocorasick.Automaton()
        self._last: tuple[str, list[list[int]] | None] | None = None

    def register(self, keys: dict[str, set[Back]], ignore_case: bool) -> int | None:
        """Seek a phrase list's keys; its number, or None when a key cannot be sought in lower case."""
        sought = {key: _lower(key) for key in keys}
        if None in sought.values():
            return None
        number, self._lists = self._lists, self._lists + 1
        for key, backs in keys.items():
            low = sought[key]
            for back in backs:
                if ignore_case and back.__class__ is int:
                    self._plain[low].append((number, len(low) - 1 + back))
                else:
                    self._other[low].append((number, None if ignore_case else key, len(low), back))
            # Only the keys of the new list change; the automaton is made again before the next search.
            self._automaton.add_word(low, (tuple(self._plain.get(low, ())), tuple(self._other.get(low, ()))))
        self._last = None
        return number

    def starts(self, text: str) -> list[list[int]] | None:
        """Phrase starts (unsorted, perhaps repeated) by list number; None for a text that cannot be
        read in lower case. Kept for the last text."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        haystack = lowered(text)
        found: list[list[int]] | None = None
        if haystack is not None:
            automaton = self._automaton
            if automaton.kind == ahocorasick.TRIE:
                automaton.make_automaton()
            found = [[] for _ in range(self._lists)]
            backwards, length = reversed_text(text), len(text)
            hits = automaton.iter(haystack) if automaton.kind == ahocorasick.AHOCORASICK else ()
            for end, (plain, other) in hits:
                for number, distance in plain:
                    found[number].append(end - distance)
                for number, written, size, back in other:
                    at = end + 1 - size
                    if written is not None and not text.startswith(written, at):
                        continue
                    if back.__class__ is int:
                        found[number].append(at - back)
                    elif m := back.match(backwards, length - at):
                        found[number].append(at - (m.end() - m.start()))
        self._last = (text, found)
        return found


_KEYS = _Keys()


class PhraseStarts:
    """Where a match of an alternation of ``ocr_pattern(phrase)`` forms can start in a text
    (with ``ocr=False``: of the phrases as written, but for the white space between words).

    Each phrase is found by its key; the part of the phrase before the key is matched backwards
    from there (it may hold white space or OCR-garbled letters) to give the start.
    """

    def __init__(
        self, phrases: Iterable[str], *, ignore_case: bool = True, capitals: bool = False, ocr: bool = True
    ) -> None:
        self.ignore_case = ignore_case
        #: a phrase with no plain letter ("ØÅ" in exact capitals) can start anywhere
        self.anywhere = False
        #: key -> how to go back from where the key is found to the phrase's start
        self.keys: dict[str, set[Back]] = defaultdict(set)
        flags = re.IGNORECASE if ignore_case else 0
        for phrase in phrases:
            start, _, forms = _key(phrase, capitals, ocr, ignore_case)
            if not forms:
                self.anywhere = True
                continue
            before = phrase[:start]
            if not any(_variable(ch, capitals, ocr) for ch in before):
                back: Back = len(before)
            else:
                back = re.compile(ocr_pattern(before[::-1], capitals=capitals).replace(r"-\s*", r"\s*-"), flags)
            for form in forms:
                self.keys[form].add(back)
        self._number = _KEYS.register(self.keys, ignore_case)
        self._last: tuple[str, list[int] | None] | None = None

    def __getstate__(self) -> dict:
        """Sent to ingest's worker processes without the last text it read."""
        return {**self.__dict__, "_last": None}

    def __setstate__(self, state: dict) -> None:
        """In a worker process, the keys join those sought there."""
        self.__dict__.update(state)
        self._number = _KEYS.register(self.keys, self.ignore_case)

    def __call__(self, text: str) -> list[int] | None:
        """Sorted positions where a phrase can start, or None when the text has to be scanned whole."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        found = None if self.anywhere or self._number is None else _KEYS.starts(text)
        starts: list[int] | None = None
        if found is not None:
            ordered = sorted(set(found[self._number]))
            starts = ordered[bisect_left(ordered, 0) :]
        self._last = (text, starts)
        return starts


#: ``re.compile`` for patterns built around a document's own words (names, abbreviations), kept for
#: more patterns than the ``re`` module keeps, as the words recur from one document to the next.
cached_regex = lru_cache(maxsize=4096)(re.compile)


def literal_starts(text: str, literal: str, ignore_case: bool = False) -> list[int] | None:
    """Where ``literal`` occurs in ``text``, as written or in any case (None: where a substring search
    cannot tell, so the text has to be scanned whole)."""
    if not ignore_case:
        haystack, needle = text, literal
    else:
        haystack, needle = lowered(text), _lower(literal)
    if haystack is None or not needle:
        return None
    positions, found = [], haystack.find(needle)
    while found >= 0:
        positions.append(found)
        found = haystack.find(needle, found + 1)
    return positions


_WORD_BACKWARDS = re.compile(r"\w*")


def word_starts(text: str, positions: list[int] | None) -> list[int] | None:
    """Where the word that each of ``positions`` is in starts (None stays None)."""
    if positions is None:
        return None
    backwards, length = reversed_text(text), len(text)
    return sorted({p - len(_WORD_BACKWARDS.match(backwards, length - p).group()) for p in positions})


def words_before(text: str, positions: list[int] | None, separator: str = r"\s+") -> list[int] | None:
    """Where the word before each of ``positions`` starts, when only ``separator`` lies between (None stays None)."""
    if positions is None:
        return None
    backwards, length = reversed_text(text), len(text)
    pattern = _word_before_backwards(separator)
    return sorted({p - len(m.group()) for p in positions if (m := pattern.match(backwards, length - p))})


@lru_cache(maxsize=None)
def _word_before_backwards(separator: str) -> re.Pattern[str]:
    return re.compile(separator + r"\w+")


def finditer_from(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, for a pattern that matches no empty string and
    only at one of ``starts`` (sorted; None: anywhere)."""
    end = len(text) if endpos is None else endpos
    if starts is None:
        yield from pattern.finditer(text, pos, end)
        return
    resume = pos
    for start in starts[bisect_left(starts, pos):]:
        if start >= end:
            return
        if start < resume:
            continue
        m = pattern.match(text, start, end)
        if m:
            yield m
            resume = m.end()


def finditer_around(
    pattern: re.Pattern[str], text: str, anchors: list[int] | None,
    leads: Iterable[re.Pattern[str]], tail: re.Pattern[str], *, alone: bool = True,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each match of which holds one of ``anchors`` (None:
    anywhere), given what can lead up to an anchor inside a match, as patterns read backwards from it
    (none matching: the anchor starts the match), and what can follow it (``tail``).

    The pattern runs only from the earliest start a match through each anchor can have to the end of
    its tail; the matches are the same, since no match can start before that window and none that
    starts in it can reach an anchor of a later window. The tail must end where the pattern's
    look-ahead sees what it would see at the end of the text. Without ``alone``, an anchor that
    nothing leads up to is passed over: what matches through it alone is not wanted.
    """
    if anchors is None:
        yield from pattern.finditer(text)
        return
    backwards, length = reversed_text(text), len(text)
    spans = []
    for anchor in anchors:
        earliest = anchor
        for lead in leads:
            if (m := lead.match(backwards, length - anchor)) and length - m.end() < earliest:
                earliest = length - m.end()
        if alone or earliest < anchor:
            spans.append((earliest, tail.match(text, anchor).end()))
    windows: list[list[int]] = []
    for start, end in sorted(spans):
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def finditer_between(
    pattern: re.Pattern[str], text: str, anchors: list[int] | None, boundaries: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each match of which holds one of ``anchors`` (None:
    anywhere) and none of the ``boundaries`` characters ("." ";" ":" that end a clause).

    The pattern runs only on the stretches between two boundary characters that hold an anchor,
    each with the boundary character that ends it, so its look-behind and look-ahead see what they
    would see in a scan of the whole text; the matches are the same, since none can cross a boundary.
    """
    if anchors is None:
        yield from pattern.finditer(text)
        return
    stretches: list[tuple[int, int]] = []
    for anchor in anchors:
        if stretches and anchor < stretches[-1][1]:
            continue  # in the stretch of an earlier anchor
        start = max(text.rfind(ch, 0, anchor) for ch in boundaries) + 1
        ends = [found for ch in boundaries if (found := text.find(ch, anchor)) >= 0]
        stretches.append((start, min(ends) + 1 if ends else len(text)))
    for start, end in stretches:
        yield from pattern.finditer(text, start, end)


@dataclass(frozen=True)
class Scan:
    """A pattern with what tells where its matches can be, so that ``finditer`` skips the rest of a
    text and still yields exactly what ``pattern.finditer`` yields.

    ``anchors`` gives the positions where a match can start (a ``PhraseStarts``); with ``leads`` and
    ``tail``, the positions of a word each match holds, as ``finditer_around`` takes them.
    """

    pattern: re.Pattern[str]
    anchors: Callable[[str], list[int] | None]
    leads: tuple[re.Pattern[str], ...] = ()
    tail: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.tail is None:
            return finditer_from(self.pattern, text, self.anchors(text))
        return finditer_around(self.pattern, text, self.anchors(text), self.leads, self.tail)


#: The tail of a match that ends its word where the pattern's look-ahead forbids a letter or a hyphen.
WORD_REST = re.compile(r"[\w-]*")
