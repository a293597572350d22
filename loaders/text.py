"""Sentences and dates found in a document's text, as character spans.

Every span is a pair of offsets into the one text the evidence quotes, so a
quote is always ``text[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from loaders import danish
from loaders.names import ocr_fold, ocr_pattern
from loaders.scan import PhraseStarts, finditer_from, reversed_text


class Span(NamedTuple):
    """A stretch of the text. A named tuple, as a document has tens of thousands of them
    (sentences, lines, windows) and a tuple is made at half the cost of a frozen dataclass."""

    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]


#: How a sentence ends, each read from the character it ends on: a full stop, question or exclamation
#: mark or semicolon before a line break or a capital; a colon that ends a line; a blank line.
_PUNCTUATION_OR_BLANK_LINE = (
    r"(?<=[.!?;])(?=[\s\"”’)]*(?:\n|\s+[A-ZÆØÅ\"“\[]|$))",
    r"(?<=:)(?=[ \t]*\n)",
    r"(?<=\n)[ \t]*\n\s*",
)


def _sentence_end(characters: str, endings: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``characters`` followed by one of the ``endings`` that read back to it: a pattern that opens
    with a character class, which the regex engine skips ahead to (an alternation it tries everywhere)."""
    return re.compile(f"[{characters}](?:{'|'.join(endings)})")


#: In a table a tab separates cells and a line break rows.
_SENTENCE_END = _sentence_end(r".!?;:\n\t", _PUNCTUATION_OR_BLANK_LINE + (r"(?<=[\t\n])",))
#: Without a table (no tab in the text) a single line break never ends a sentence: no need to stop at each.
_SENTENCE_END_WITHOUT_TABLES = _sentence_end(r".!?;:\n", _PUNCTUATION_OR_BLANK_LINE)
_DAY_OR_INITIAL = re.compile(r"[\d|]{1,2}|\w")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]\s|[•▪◦*\-–]\s)")
#: A word with its dots, read backwards.
_WORD_BACKWARDS = re.compile(r"[\wæøåÆØÅ.]*")
_WRAPPED_LINE_LENGTH = 50
_WRAPPED_LINE_END = re.compile(r"[a-zæøå,\-]\Z")


def sentences(text: str) -> list[Span]:
    """Split text into sentence spans, trimmed of surrounding white space.

    A full stop after an abbreviation ("d. 30. november", "bl.a."), a day
    number ("1. april") or an initial ("Ole H. Hansen") does not end a sentence. A blank line ends one, except
    after a wrapped line of OCR text (a long line that stops on a lower-case
    word or a comma continues after the blank line). A tab separates table
    cells and a line break table rows, and so each ends one too.
    """
    spans: list[Span] = []
    start = 0
    has_table = "\t" in text
    for match in (_SENTENCE_END if has_table else _SENTENCE_END_WITHOUT_TABLES).finditer(text):
        end = match.end()
        separator = match.group()
        if separator == "\n":
            if not _in_table(text, start, match.start(), end):
                continue
        elif separator.startswith("\n"):
            if _ends_wrapped_line(text, start, match.start()) and not _LIST_ITEM.match(text, end):
                continue
        elif separator == ".":
            token = _word_before(text, start, match.start()).lower()
            if token.rstrip(".") in danish.ABBREVIATIONS or _DAY_OR_INITIAL.fullmatch(token):
                continue  # an abbreviation, a day number ("1. april") or an initial ("Ole H. Hansen")
        _append_trimmed(spans, text, start, end)
        start = end
    _append_trimmed(spans, text, start, len(text))
    return spans


def _word_before(text: str, start: int, end: int) -> str:
    """The word (with its dots) that ends at ``end``, not reaching back before ``start``.

    Read backwards from ``end``, as a search forwards would try every position of the sentence so far.
    """
    backwards = reversed_text(text)
    word = _WORD_BACKWARDS.match(backwards, len(text) - end, len(text) - start)
    return text[end - len(word.group()) : end]


def _ends_wrapped_line(text: str, start: int, end: int) -> bool:
    """Does the line that ends at ``end`` (not reaching back before ``start``) look wrapped: a long line of
    OCR text that stops on a lower-case word or a comma?"""
    line_break = text.rfind("\n", start, end)
    line_start = line_break + 1 if line_break >= 0 else start
    if end - line_start < _WRAPPED_LINE_LENGTH:
        return False  # too short even before trimming
    last_line = text[line_start:end].rstrip()
    return len(last_line) >= _WRAPPED_LINE_LENGTH and bool(_WRAPPED_LINE_END.search(last_line))


def _in_table(text: str, start: int, newline: int, after: int) -> bool:
    """A line break ends a sentence between table rows (lines with tab-separated cells)."""
    line_before = text[text.rfind("\n", start, newline) + 1 : newline]
    next_end = text.find("\n", after)
    line_after = text[after : next_end if next_end >= 0 else len(text)]
    return "\t" in line_before or "\t" in line_after


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    trimmed = _FIRST_TO_LAST_NON_SPACE.search(text, start, end)
    if trimmed:
        spans.append(Span(*trimmed.span()))


_FIRST_TO_LAST_NON_SPACE = re.compile(r"\S(?:.*\S)?", re.DOTALL)


@lru_cache(maxsize=4)
def lines(text: str) -> list[Span]:
    """Non-empty lines as trimmed spans (letterheads and member lists are line-based).

    Kept for the last few texts, as several rules read the lines of one document; do not change the list."""
    return [Span(*line.span()) for line in _LINE_FIRST_TO_LAST_NON_SPACE.finditer(text)]


_LINE_FIRST_TO_LAST_NON_SPACE = re.compile(r"\S(?:[^\n]*\S)?")


# ------------------------------------------------------------------- dates


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str
    #: True when day, month and year are all stated (a decision needs one).
    exact: bool


@lru_cache(maxsize=1)
def _date_patterns() -> list[tuple[re.Pattern[str], str]]:
    one = f"[{danish.OCR_CONFUSIONS['1']}]"
    day = rf"(?:[0-3]?\d|{one}\d?|[0-3]{one})"
    month_names = "|".join(sorted((ocr_pattern(m) for m in danish.MONTHS), key=len, reverse=True))
    vague = "|".join(danish.VAGUE_YEAR_DATES)
    return [
        (re.compile(rf"(?<![\w.])(?P<d>{day})\.\s*(?P<m>{month_names})\.?\s+(?P<y>(?:19|20)\d\d)\b", re.I), "long"),
        (re.compile(r"(?<![\w.])(?P<d>[0-3]?\d)[.\-/](?P<m>[01]?\d)[.\-/](?P<y>(?:19|20)\d\d)\b"), "numeric"),
        (re.compile(rf"\b(?P<v>{vague})\s+(?P<y>(?:19|20)\d\d)\b", re.I), "vague"),
        (re.compile(rf"(?<![\w.])(?P<m>{month_names})\s+(?P<y>(?:19|20)\d\d)\b", re.I), "month_year"),
        (re.compile(rf"(?<![\w.])(?P<d>{day})\.\s*(?P<m>{month_names})\b(?!\.?\s+(?:19|20)\d\d)", re.I), "no_year"),
        (re.compile(r"(?<![\w./\-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\w/\-])"), "no_year_numeric"),
    ]


#: The letters OCR reads a 1 as, back to 1.
_ONES = str.maketrans(dict.fromkeys(danish.OCR_CONFUSIONS["1"], "1"))


def _to_int(text: str) -> int:
    return int(text.translate(_ONES))


@lru_cache(maxsize=1)
def _months_by_fold() -> dict[str, int]:
    """Month number by the OCR-folded month name (first listed form wins)."""
    folded: dict[str, int] = {}
    for name, number in danish.MONTHS.items():
        folded.setdefault(ocr_fold(name), number)
    return folded


@lru_cache(maxsize=1024)
def _month(text: str) -> int | None:
    return _months_by_fold().get(ocr_fold(text.lower().rstrip(".")))


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every Danish date in ``text``: "1. april 2024", "d. 30. november 2023",
    "22.04.2021", "05-01-2022", "|. januar 2018" (OCR), "medio 2019" and
    "ultimo 2020" (by the convention in ``danish.VAGUE_YEAR_DATES``), "maj 2012"
    (the first of the month, not exact), and
    "30/1" or "18. marts" with the year taken from ``default_year`` (the
    document's own year) when one is known.
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []  # sorted, none overlapping another
    for pattern, kind in _date_patterns():
        exact = kind in ("long", "numeric")
        for m in finditer_from(pattern, text, _date_starts(text, kind)):
            if _overlaps(taken, m.start(), m.end()):
                continue
            iso = _iso_from_match(m, kind, default_year)
            if iso is not None or exact:  # "31. februar 2020" is no date, nor is "februar 2020" in it
                insort(taken, m.span())
            if iso is not None:
                found.append(FoundDate(m.start(), m.end(), iso, exact=exact))
    return sorted(found, key=lambda d: d.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap a span of ``taken`` (sorted, none overlapping another)? Only the
    last span that starts before ``end`` can, as it ends last."""
    before_end = bisect_left(taken, (end,))
    return before_end > 0 and taken[before_end - 1][1] > start


@lru_cache(maxsize=1)
def _month_starts() -> PhraseStarts:
    return PhraseStarts(danish.MONTHS)


@lru_cache(maxsize=1)
def _vague_starts() -> PhraseStarts:
    return PhraseStarts(danish.VAGUE_YEAR_DATES)


_SPACES = re.compile(r"\s*")
_WORD_CHARACTER_OR_DOT = re.compile(r"[\w.]")
_SLASH = re.compile("/")


def _date_starts(text: str, kind: str) -> list[int] | None:
    """Where a date of this kind can start, found from its month name, year or slash (None: anywhere)."""
    if kind == "vague":
        return _vague_starts()(text)
    if kind == "month_year":  # a month name after no letter, digit or full stop
        months = _month_starts()(text)
        if months is None:
            return None
        return [m for m in months if not (m and _WORD_CHARACTER_OR_DOT.match(text, m - 1))]
    if kind in ("long", "no_year"):
        return _day_month_starts(text)
    if kind == "numeric":  # day, separator, month, separator, year
        return sorted({y - width for y in _years_after_separator(text) for width in (4, 5, 6) if y >= width})
    if kind == "no_year_numeric":  # a day, a slash, a month
        slashes = [m.start() for m in _SLASH.finditer(text)]
        return sorted({s - width for s in slashes if s and text[s - 1].isdecimal() for width in (1, 2) if s >= width})
    return None


@lru_cache(maxsize=1)
def _day_month_starts(text: str) -> list[int] | None:
    """Where a day of one or two characters, a full stop, spaces and a month name can start (None: anywhere).
    Kept for the last text, as dates with and without a year start alike."""
    months = _month_starts()(text)
    if months is None:
        return None
    backwards = reversed_text(text)
    after_dot_or_space = [m for m in months if m > 0 and (text[m - 1] == "." or text[m - 1].isspace())]
    dots = [m - len(_SPACES.match(backwards, len(text) - m).group()) - 1 for m in after_dot_or_space]
    return sorted({dot - width for dot in dots if dot > 0 and text[dot] == "." for width in (1, 2) if dot >= width})


def _years_after_separator(text: str) -> list[int]:
    """Where a year ("19…", "20…") starts after a separator (".", "-", "/"), as a numeric date's does.
    Found by substring search, which is many times faster than a regex scan for the separators."""
    years = []
    for century in ("19", "20"):
        at = text.find(century, 1)
        while at >= 0:
            if text[at - 1] in ".-/":
                years.append(at)
            at = text.find(century, at + 1)
    return years


def _iso_from_match(m: re.Match[str], kind: str, default_year: int | None) -> str | None:
    try:
        if kind == "vague":
            month, day = danish.VAGUE_YEAR_DATES[m.group("v").lower()]
            return date(int(m.group("y")), month, day).isoformat()
        if kind == "month_year":
            month = _month(m.group("m"))
            return date(int(m.group("y")), month, 1).isoformat() if month else None
        year = int(m.group("y")) if "y" in m.groupdict() and m.group("y") else default_year
        if year is None:
            return None
        month = _month(m.group("m")) if kind in ("long", "no_year") else int(m.group("m"))
        if month is None:
            return None
        return date(year, month, _to_int(m.group("d"))).isoformat()
    except ValueError:
        return None
