"""What the relation rules see of one document: text, sentences, resolved
mentions, dates and decisions, with the look-ups the rules share."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple, TypeVar

from loaders import danish
from loaders.names import ocr_pattern
from loaders.scan import PhraseStarts, finditer_from
from loaders.text import FoundDate, Span


class Ref(NamedTuple):
    """A mention resolved to its node (a named tuple, as a document has hundreds and rules read them often)."""

    node_id: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class DecisionRef:
    node_id: str
    body_id: str
    date: str
    start: int
    end: int


@dataclass
class Found:
    """A relation a rule read, with the span of text that states it."""

    type: str
    source: str
    target: str
    span: Span
    props: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=None)
def cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Cue words as one case-insensitive pattern that also finds their OCR forms."""
    alternation = "|".join(ocr_pattern(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _cue_starts(cues: tuple[str, ...]) -> PhraseStarts:
    return PhraseStarts(cues)


#: Spans up to this many characters are scanned for cue words without finding the cue list's positions first.
_SHORT_SPAN = 200

_NEGATION_BEFORE = re.compile(
    r"\b(?:" + "|".join(danish.NEGATIONS) + r")\b(?:\s+at)?\s*\Z", re.IGNORECASE
)


@dataclass
class Context:
    """Sentences, refs and dates are in text order (by start offset), so a span finds its own by binary search."""

    document: str
    text: str
    sentences: list[Span]
    refs: list[Ref]
    dates: list[FoundDate]
    decisions: list[DecisionRef] = field(default_factory=list)
    #: Where each cue list's words can start in the text, found once per document.
    _cue_positions: dict[tuple[str, ...], list[int] | None] = field(default_factory=dict, init=False, repr=False)
    #: What a rule read that another reads again, by name.
    _kept: dict[str, list] = field(default_factory=dict, init=False, repr=False)

    def kept(self, name: str, read: Callable[[], list[V]]) -> list[V]:
        """What ``read`` returns, read once per document (do not change the list)."""
        if name not in self._kept:
            self._kept[name] = read()
        return self._kept[name]

    def refs_in(self, span: Span, labels: Iterable[str] | None = None) -> list[Ref]:
        refs = _within(self.refs, self._ref_starts, span)
        if labels is None:
            return refs
        wanted = labels if isinstance(labels, (set, frozenset)) else set(labels)
        return [r for r in refs if r.label in wanted]

    def dates_in(self, span: Span) -> list[FoundDate]:
        return _within(self.dates, self._date_starts, span)

    @cached_property
    def _ref_starts(self) -> list[int]:
        return [r.start for r in self.refs]

    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    def decisions_in(self, span: Span) -> list[DecisionRef]:
        return [d for d in self.decisions if span.start <= d.start and d.end <= span.end]

    def cues_in(self, cues: tuple[str, ...], span: Span) -> list[re.Match[str]]:
        """Cue words in the span, leaving out denied ones ("ikke at deltage").

        A short span (the few words before a date or a body) is scanned whole unless the cue list's
        positions are known already: finding them in the whole text would cost more than the scan."""
        if span.end - span.start <= _SHORT_SPAN:
            starts = self._cue_positions.get(cues)
        else:
            starts = self._cue_starts(cues)
        if starts is not None:
            first = bisect_left(starts, span.start)
            if first == len(starts) or starts[first] >= span.end:
                return []  # no cue word starts in the span
        return [
            m for m in finditer_from(cue_regex(cues), self.text, starts, span.start, span.end)
            if not _NEGATION_BEFORE.search(self.text, max(span.start, m.start() - 12), m.start())
        ]

    def sentences_with(self, *cue_lists: tuple[str, ...]) -> list[Span]:
        """The sentences, in text order, in which a word of one of the cue lists can start: the only
        ones where ``cues_in`` can find one, so a rule that reads around its cue words looks at no other."""
        found: set[int] = set()
        for cues in cue_lists:
            starts = self._cue_starts(cues)
            if starts is None:
                return self.sentences
            for start in starts:
                i = bisect_right(self._sentence_starts, start) - 1
                if i >= 0 and start < self.sentences[i].end:
                    found.add(i)
        return [self.sentences[i] for i in sorted(found)]

    def cue_sites(self, cues: tuple[str, ...]) -> Iterator[tuple[Span, re.Match[str], list[Ref]]]:
        """Each cue word of ``cues`` in text order, with its sentence and the refs in that sentence:
        what a rule that reads the bodies around a cue starts from."""
        for sentence in self.sentences_with(cues):
            refs = self.refs_in(sentence)
            for cue in self.cues_in(cues, sentence):
                yield sentence, cue, refs

    def _cue_starts(self, cues: tuple[str, ...]) -> list[int] | None:
        """Where the cue list's words can start in the text (None: anywhere), found once per document."""
        starts = self._cue_positions.get(cues, False)
        if starts is False:
            starts = self._cue_positions[cues] = _cue_starts(cues)(self.text)
        return starts

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def is_effective_date(self, offset: int) -> bool:
        """A date introduced by "pr.", "fra", "indtil" … tells when a change takes effect, not when it was decided."""
        window = Span(max(0, offset - 20), offset)
        return any(self.text[m.end() : offset].strip() == "" for m in self.cues_in(danish.EFFECTIVE_DATE_CUES, window))

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None

    @cached_property
    def main_initiative(self) -> str | None:
        """The initiative the document is mostly about: the one named most often, counting
        its bare head noun too ("analysen", "forsøget" name the document's own analysis or trial)."""
        counts = Counter(r.node_id for r in self.refs if r.label == "Initiative")
        if not counts:
            return None
        heads = {r.node_id: _initiative_head(self.text[r.start : r.end]) for r in self.refs if r.label == "Initiative"}
        bare = {head: _count(finditer_from(_bare_head_regex(head), self.text, _head_starts(head)(self.text)))
                for head in set(heads.values()) if head}
        (best, _), *_ = sorted(counts.items(), key=lambda kv: (-kv[1] - bare.get(heads[kv[0]], 0), -kv[1], kv[0]))
        return best


@lru_cache(maxsize=4096)
def _initiative_head(surface: str) -> str | None:
    """The head noun an initiative's name ends in ("ressortanalysen" -> "analyse")."""
    lower = surface.lower()
    found = [(lower.rfind(head), len(head), head) for head in danish.BODY_HEADS["Initiative"] if head in lower]
    return max(found)[2] if found else None


@lru_cache(maxsize=None)
def _bare_head_regex(head: str) -> re.Pattern[str]:
    """The head noun standing alone, in its inflected forms: "analysen", "forsøget"."""
    endings = "|".join(sorted(danish.BODY_HEADS["Initiative"][head], key=len, reverse=True))
    return re.compile(rf"(?<![\w-]){head}(?:{endings})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _head_starts(head: str) -> PhraseStarts:
    """Where the head noun can start: the few places its bare form is looked for."""
    return PhraseStarts((head,))


def _count(items: Iterable[object]) -> int:
    return sum(1 for _ in items)


T = TypeVar("T", Ref, FoundDate)
V = TypeVar("V")


def _within(items: list[T], starts: list[int], span: Span) -> list[T]:
    """The items (sorted by start, which ``starts`` lists) that lie inside ``span``."""
    first = bisect_left(starts, span.start)
    last = bisect_right(starts, span.end)
    return [item for item in items[first:last] if item.end <= span.end]
