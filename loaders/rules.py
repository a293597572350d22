"""Relation rules: each a small named unit that reads one way Danish says a relation.

A rule takes the document ``Context`` and yields ``Found`` relations with the
span that states them. Rules are registered by name in ``RULES``, so each can
be switched off, tested and scored on its own (``ressortgraf eval
--explain`` counts true and false relations per rule). Their Danish cue words
live in ``loaders.danish``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterator

from graph.schema import BODY_LABELS
from loaders import danish
from loaders.context import Context, Found, Ref, cue_regex
from loaders.mentions import owned_body_matches
from loaders.names import name_key
from loaders.scan import literal_starts
from loaders.text import Span, lines

#: Up to three small words between a word and the body it names: "inddragelse af den politiske styregruppe",
#: "Kommunerne kan indgå i", "Bestyrelsen vil løbende blive orienteret".
_FEW_WORDS = re.compile(r"\s+(?:[a-zæøå]+\s+){0,3}", re.IGNORECASE)

RelationRule = Callable[[Context], Iterator[Found]]
RULES: dict[str, RelationRule] = {}

#: Bodies and initiatives that can be set up, closed down or replaced.
CHANGEABLE = frozenset({"Group", "Committee", "Unit", "Initiative", "Administration"})
#: Bodies that decide, hold mandates or receive reports.
DECIDING = frozenset({"Council", "Committee", "Group", "Organisation", "Administration"})
OBJECTS = frozenset({"Initiative", "Task"})


def rule(name: str) -> Callable[[RelationRule], RelationRule]:
    def register(fn: RelationRule) -> RelationRule:
        RULES[name] = fn
        return fn

    return register


def _before(refs: list[Ref], offset: int, labels: frozenset[str]) -> Ref | None:
    candidates = [r for r in refs if r.end <= offset and r.label in labels]
    return candidates[-1] if candidates else None


def _after(refs: list[Ref], offset: int, labels: frozenset[str]) -> Ref | None:
    return next((r for r in refs if r.start >= offset and r.label in labels), None)


def _effective_date(
    ctx: Context, sentence: Span, after: int, skip: set[str], cues: tuple[str, ...] = danish.START_DATE_CUES
) -> str | None:
    """The date a change takes effect: one introduced by "pr.", "fra" … in the clause after ``after``."""
    comma = ctx.text.find(",", after + 1, sentence.end)
    clause = Span(after, min(comma if comma >= 0 else sentence.end, after + 120))
    for cue in ctx.cues_in(cues, clause):
        for found in ctx.dates_in(Span(cue.end(), min(cue.end() + 4, sentence.end) + 40)):
            if found.start - cue.end() <= 3 and found.iso not in skip:
                return found.iso
    return None


def _change(ctx: Context, cues: tuple[str, ...], relation: str, date_cues: tuple[str, ...]) -> Iterator[Found]:
    """Shared reading of "X nedlægges / nedsættes" with who decided it and when."""
    for sentence, cue, refs in ctx.cue_sites(cues):
        subject = _before(refs, cue.start(), CHANGEABLE)
        between = subject and ctx.text[subject.end : cue.start()]
        if _subject_changes(ctx, cue) and subject and len(between) <= 40 and not any(ch in between for ch in ".;"):
            target = subject
        else:
            target = _after(refs, cue.end(), CHANGEABLE)
        if target is None:
            continue
        decisions = [d for d in ctx.decisions_in(sentence) if d.body_id != target.node_id]
        if decisions:
            source = decisions[0].node_id
        else:
            agents = [
                r for r in refs
                if r.node_id != target.node_id and not _named_as_proposer(ctx, r) and not _only_recommended(ctx, sentence, r)
            ]
            agent = _before(agents, cue.start(), DECIDING)
            if agent is None:
                continue
            source = agent.node_id
            if not _in_perfect_tense(ctx, agent, cue):
                source = _decision_of(ctx, agent.node_id, sentence) or source
        when = _effective_date(ctx, sentence, cue.start(), {d.date for d in decisions}, date_cues)
        props = {"date": when} if when else {}
        for each in _listed_after_colon(ctx, refs, target, sentence) or _enumeration(ctx, refs, target):
            if each.node_id != source:
                yield Found(relation, source, each.node_id, sentence, dict(props))


_PASSIVE_BEFORE = re.compile(
    r"\b(?:" + "|".join(danish.PASSIVE_AUXILIARIES) + r")(?:\s+\w+)?\s*\Z", re.IGNORECASE
)


def _subject_changes(ctx: Context, cue: re.Match[str]) -> bool:
    """Is the subject what is set up or closed down? Yes for "X nedlægges", "X blev nedsat",
    "X vil starte op"; no for "BR har nedsat X", "at nedlægge X"."""
    word = cue.group().lower()
    if word.endswith("s") or any(word == c for c in danish.INTRANSITIVE_CHANGE_CUES):
        return True
    return bool(_PASSIVE_BEFORE.search(ctx.text, max(0, cue.start() - 25), cue.start()))


def _named_as_proposer(ctx: Context, ref: Ref) -> bool:
    """"på indstilling fra Kultur- og Fritidsudvalget": that body proposed; it did not act."""
    return bool(ctx.cues_in(danish.PROPOSER_MARKERS, Span(max(0, ref.start - 20), ref.start)))


def _only_recommended(ctx: Context, sentence: Span, ref: Ref) -> bool:
    """"at anbefale Økonomiudvalget og Borgerrepræsentationen … at etablere en følgegruppe": a body
    that is recommended (or asked) to act has not acted."""
    return bool(ctx.cues_in(danish.RECOMMENDATION_CUES, Span(sentence.start, ref.start)))


_LIST_GAP = re.compile(r"\s*(?:,|og|samt|:|,\s*og)\s*", re.IGNORECASE)


def _enumeration(ctx: Context, refs: list[Ref], first: Ref) -> list[Ref]:
    """``first`` and the bodies listed right after it ("fire udvalg: A, B, C samt D")."""
    listed = [first]
    for ref in refs:
        if ref.start < listed[-1].end or ref.label not in CHANGEABLE:
            continue
        if not _LIST_GAP.fullmatch(ctx.text, listed[-1].end, ref.start):
            break
        listed.append(ref)
    return listed


def _in_perfect_tense(ctx: Context, agent: Ref, cue: re.Match[str]) -> bool:
    """"Borgerrepræsentationen har … nedsat X" reports an earlier act, not the document's own decision."""
    first_word = re.compile(r"\s*").match(ctx.text, agent.end, cue.start()).end()
    return bool(cue_regex(danish.PERFECT_AUXILIARIES).match(ctx.text, first_word, cue.start()))


def _listed_after_colon(ctx: Context, refs: list[Ref], collective: Ref, sentence: Span) -> list[Ref]:
    """"nedsat fire § 17, stk. 4-udvalg: A, B, C samt D": the bodies listed, not the collective
    noun before the colon (a list item the finders do not know is skipped, not a stop)."""
    if not re.match(r"\s*:", ctx.text[collective.end : sentence.end]):
        return []
    return [r for r in refs if r.start > collective.end and r.label in CHANGEABLE]


def _decision_of(ctx: Context, body_id: str, sentence: Span) -> str | None:
    """The decision a body took in this document, when it took exactly one ("ØU godkender planen")
    and the sentence names no other time for it ("besluttede i maj 2012" is another decision)."""
    taken = {(d.node_id, d.date) for d in ctx.decisions if d.body_id == body_id}
    if len(taken) != 1:
        return None
    (decision, when), = taken
    other_times = [d for d in ctx.dates_in(sentence) if d.iso != when and not ctx.is_effective_date(d.start)]
    return None if other_times else decision


@rule("dissolution")
def dissolution(ctx: Context) -> Iterator[Found]:
    """"Implementeringsgrupperne nedlægges pr. 1. april 2024 …, vedtaget af Borgerrepræsentationen d. 30. november 2023"."""
    yield from _change(ctx, danish.DISSOLUTION_CUES, "DISSOLVED", danish.EFFECTIVE_DATE_CUES)


@rule("establishment")
def establishment(ctx: Context) -> Iterator[Found]:
    """"Borgerrepræsentationen besluttede … at nedsætte et strukturudvalg"; "Der etableres et nyt forum"."""
    yield from _establishments(ctx)


def _establishments(ctx: Context) -> list[Found]:
    """Read once per document, as ``fixed_term`` reads them too."""
    return ctx.kept("establishments", lambda: list(
        _change(ctx, danish.ESTABLISHMENT_CUES, "ESTABLISHED", danish.START_DATE_CUES)
    ))


_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:som|der)\b", re.IGNORECASE)


@rule("fixed_term")
def fixed_term(ctx: Context) -> Iterator[Found]:
    """"BR besluttede at nedsætte et strukturudvalg, som skulle fungere indtil 31. december 2012":
    a body set up for a term is dissolved, by whoever set it up, when the term ends."""
    for found in _establishments(ctx):
        named = [r for r in ctx.refs_in(found.span) if r.node_id == found.target]
        if not named or not _RELATIVE_AFTER.match(ctx.text, named[-1].end, found.span.end):
            continue
        end = _effective_date(ctx, found.span, named[-1].end, set(), danish.END_DATE_CUES)
        if end:
            yield Found("DISSOLVED", found.source, found.target, found.span, {"date": end})


@rule("mandate_anchoring")
def mandate_anchoring(ctx: Context) -> Iterator[Found]:
    """"X forankres i HR-kredsen, der således vil fungere som styregruppe for forsøget"."""
    for sentence, cue, refs in ctx.cue_sites(danish.ANCHORING_CUES):
        holder = _after(refs, cue.end(), BODY_LABELS)
        subject = _before(refs, cue.start(), OBJECTS) or ctx.main_initiative
        if holder is None or subject is None:
            continue
        steering = ctx.cues_in(danish.MANDATE_ROLE_CUES["steering"], sentence)
        role = "steering" if steering else "owner"
        yield Found("MANDATE", holder.node_id, _id(subject), sentence, {"role": role})


@rule("mandate_role")
def mandate_role(ctx: Context) -> Iterator[Found]:
    """A body stated as project owner, secretariat, adviser or responsible for an initiative."""
    for sentence in ctx.sentences_with(*danish.MANDATE_ROLE_CUES.values()):
        for role, cues in danish.MANDATE_ROLE_CUES.items():
            for cue in ctx.cues_in(cues, sentence):
                refs = ctx.refs_in(sentence)
                if cue.group().lower().endswith(" af"):  # passive: "X sekretariatsbetjenes af Y"
                    holder, target = _after(refs, cue.end(), BODY_LABELS), _before(refs, cue.start(), OBJECTS)
                else:
                    holder = _before(refs, cue.start(), BODY_LABELS)
                    named = _after(refs, cue.end(), OBJECTS)
                    if named and not _FEW_WORDS.fullmatch(ctx.text, cue.end(), named.start):
                        named = None  # "at sikre lokalt ejerskab … At understøtte projekterne": not its object
                    target = named or _before(refs, cue.start(), OBJECTS)
                if holder is None or target is None:
                    continue
                yield Found("MANDATE", holder.node_id, target.node_id, sentence, {"role": role})


HOLDERS = frozenset({"Council", "Committee", "Administration", "Unit"})


@rule("task_under_body")
def task_under_body(ctx: Context) -> Iterator[Found]:
    """"Under Børne-, Fritids- og Kulturudvalget er idrætsområdet indskrevet"; "opgaver som hørte under X"."""
    for sentence in ctx.sentences_with(danish.UNDER_CUES):
        tasks = ctx.refs_in(sentence, {"Task"})
        if not tasks:
            continue
        refs = ctx.refs_in(sentence)
        for cue in ctx.cues_in(danish.UNDER_CUES, sentence):
            holder = _after(refs, cue.end(), HOLDERS)
            if holder is None or ctx.text[cue.end() : holder.start].strip():
                continue  # "under" must name the body right away
            task = _before(tasks, cue.start(), frozenset({"Task"})) or _after(tasks, holder.end, frozenset({"Task"}))
            if task is not None:
                yield Found("MANDATE", holder.node_id, task.node_id, sentence, {"role": "responsible"})


@rule("task_transfer")
def task_transfer(ctx: Context) -> Iterator[Found]:
    """"De turismemæssige opgaver … overføres til Børne-, Fritids- og Kulturudvalget": the receiver holds the task."""
    for sentence, cue, refs in ctx.cue_sites(danish.TRANSFER_CUES):
        task = _before(refs, cue.start(), frozenset({"Task"}))
        receiver = _after(refs, cue.end(), HOLDERS)
        if task is not None and receiver is not None and not ctx.text[cue.end() : receiver.start].strip():
            yield Found("MANDATE", receiver.node_id, task.node_id, sentence, {"role": "responsible"})


@rule("task_move")
def task_move(ctx: Context) -> Iterator[Found]:
    """"Regional udvikling flyttes fra Teknik- og Miljøudvalget til Arbejdsmarkeds- og Erhvervsudvalget":
    both held the task, the first until the move and the second after it."""
    for sentence, cue, refs in ctx.cue_sites(danish.MOVE_FROM_CUES):
        task = _before(refs, cue.start(), frozenset({"Task"}))
        origin = _after(refs, cue.end(), HOLDERS)
        if task is None or origin is None or ctx.text[cue.end() : origin.start].strip():
            continue
        yield Found("MANDATE", origin.node_id, task.node_id, sentence, {"role": "responsible"})
        receiver = _after(refs, origin.end, HOLDERS)
        if receiver is not None and re.fullmatch(r"\s+til\s+", ctx.text[origin.end : receiver.start]):
            yield Found("MANDATE", receiver.node_id, task.node_id, sentence, {"role": "responsible"})


@rule("reporting")
def reporting(ctx: Context) -> Iterator[Found]:
    """"… en slutevaluering, der forelægges ØU og BR"; "afrapporteres til Økonomiudvalget"."""
    for sentence, cue, refs in ctx.cue_sites(danish.REPORTING_CUES + danish.TREATMENT_CUES):
        receivers = [r for r in refs if r.start >= cue.end() and r.label in DECIDING - {"Administration"}]
        source = (
            _before(refs, cue.start(), OBJECTS)
            or _before(refs, cue.start(), frozenset({"Group", "Unit"}))
            or ctx.main_initiative
        )
        if isinstance(source, Ref) and _owns_initiative_word(ctx, source):
            source = ctx.main_initiative or source
        if source is None:
            continue
        for receiver in receivers:
            if _id(source) != receiver.node_id:
                yield Found("REPORTS_TO", _id(source), receiver.node_id, sentence)


RECEIVERS = DECIDING - {"Administration"}


@rule("reporting_receiver_first")
def reporting_receiver_first(ctx: Context) -> Iterator[Found]:
    """"5/3 ØU forelægges endelig analyseplan"; "Bestyrelsen vil løbende blive orienteret om projektets fremdrift":
    the body named right before the reporting word receives the report on what the sentence is about."""
    for sentence, cue, refs in ctx.cue_sites(danish.RECEIVER_FIRST_REPORTING_CUES):
        receiver = _before(refs, cue.start(), BODY_LABELS)
        if receiver is None or receiver.label not in RECEIVERS or _after(refs, cue.end(), RECEIVERS):
            continue  # a receiver after the word is the ``reporting`` rule's reading
        if not _FEW_WORDS.fullmatch(ctx.text, receiver.end, cue.start()):
            continue
        source = _after(refs, cue.end(), OBJECTS) or ctx.main_initiative
        if source is not None and _id(source) != receiver.node_id:
            yield Found("REPORTS_TO", _id(source), receiver.node_id, Span(receiver.start, sentence.end))


_INITIATIVE_WORD_AFTER = re.compile(
    r"(?:'s|’s|s)?\s+(?:"
    + "|".join(f"{head}(?:{'|'.join(endings)})" for head, endings in danish.BODY_HEADS["Initiative"].items())
    + r")\b",
    re.IGNORECASE,
)


def _owns_initiative_word(ctx: Context, ref: Ref) -> bool:
    """"ressortsekretariatets analyse": the body names whose analysis it is; the analysis is what reports."""
    match = _INITIATIVE_WORD_AFTER.match(ctx.text, ref.end)
    return bool(match) and _is_genitive(ctx.text[ref.start : match.end()])


@rule("proposal")
def proposal(ctx: Context) -> Iterator[Found]:
    """"Økonomiforvaltningen indstiller over for Økonomiudvalget": the proposer of that body's decision."""
    for sentence, cue, refs in ctx.cue_sites(danish.PROPOSAL_CUES):
        proposer = _before(refs, cue.start(), BODY_LABELS)
        decider = _after(refs, cue.end(), DECIDING)
        if proposer is None:
            continue
        decisions = [d for d in ctx.decisions if decider is None or d.body_id == decider.node_id]
        if decider is None and len(decisions) != 1:
            continue
        for decision in decisions[:1]:
            yield Found("PROPOSED_BY", decision.node_id, proposer.node_id, sentence)


@rule("proposal_in_minutes")
def proposal_in_minutes(ctx: Context) -> Iterator[Found]:
    """"BESLUTNING: Økonomiudvalget den 05-01-2022 … Administrationens forslag anbefales over for KB":
    the body whose decision the minutes record recommends the decision the named body takes."""
    for sentence in ctx.sentences_with(danish.PASSIVE_PROPOSAL_CUES):
        for cue in ctx.cues_in(danish.PASSIVE_PROPOSAL_CUES, sentence):
            decider = _after(ctx.refs_in(sentence), cue.end(), DECIDING)
            recorded = [d for d in ctx.decisions if d.end <= sentence.start]
            if decider is None or not recorded or recorded[-1].body_id == decider.node_id:
                continue
            proposer = recorded[-1]
            taken = [d for d in ctx.decisions if d.body_id == decider.node_id and d.start > proposer.start]
            if taken:
                yield Found("PROPOSED_BY", taken[0].node_id, proposer.body_id, sentence)


_SIGNATURE_LINE = re.compile(r"[ \t]*\(([^()\n]+)\)[ \t]*$", re.MULTILINE)


@rule("proposer_signature")
def proposer_signature(ctx: Context) -> Iterator[Found]:
    """"Indstilling om, 1. at … (Økonomiforvaltningen)": the body that signs a recommendation on a
    line of its own proposed the decision taken on the meeting date ("Mødedato: 18.01.2018")."""
    meeting = _meeting_date(ctx)
    taken = [d for d in ctx.decisions if d.date == meeting]
    if meeting is None or len({d.node_id for d in taken}) != 1:
        return
    for line in _SIGNATURE_LINE.finditer(ctx.text):
        signed = ctx.refs_in(Span(line.start(1), line.end(1)), BODY_LABELS)
        if len(signed) == 1 and (signed[0].start, signed[0].end) == line.span(1):
            yield Found("PROPOSED_BY", taken[0].node_id, signed[0].node_id, Span(line.start(1) - 1, line.end(1) + 1))


def _meeting_date(ctx: Context) -> str | None:
    """The date after a "Mødedato:" header."""
    for cue in ctx.cues_in(danish.MEETING_DATE_LABELS, Span(0, len(ctx.text))):
        after = ctx.dates_in(Span(cue.end(), cue.end() + 20))
        if after and after[0].exact:
            return after[0].iso
    return None


@rule("participation")
def participation(ctx: Context) -> Iterator[Found]:
    """Bodies that take part in an initiative: "deltog", "tilsluttede sig", "tage udgangspunkt i model a)"."""
    for sentence in ctx.sentences_with(danish.PARTICIPATION_CUES):
        cues = ctx.cues_in(danish.PARTICIPATION_CUES, sentence)
        if not cues:
            continue
        refs = ctx.refs_in(sentence)
        initiative = next((r for r in refs if r.label == "Initiative"), None)
        target = initiative.node_id if initiative else ctx.main_initiative
        if target is None:
            continue
        props = {}
        model = _model_choice(ctx.text[sentence.start : sentence.end])
        if model:
            props["model"] = model
        for ref in refs:
            if ref.label in BODY_LABELS and ref.end <= cues[-1].end():
                yield Found("PARTICIPATES_IN", ref.node_id, target, sentence, dict(props))




@rule("involvement")
def involvement(ctx: Context) -> Iterator[Found]:
    """"Analysen foretages med løbende inddragelse af den politiske styregruppe"; "De politiske
    følgegrupper inddrages i planlægningen": the body drawn in takes part in the initiative."""
    for sentence in ctx.sentences_with(danish.INVOLVEMENT_CUES, danish.INVOLVED_FIRST_CUES):
        refs = ctx.refs_in(sentence)
        for cues, body_first in ((danish.INVOLVEMENT_CUES, False), (danish.INVOLVED_FIRST_CUES, True)):
            for cue in ctx.cues_in(cues, sentence):
                if body_first:
                    body = _before(refs, cue.start(), BODY_LABELS)
                    near = body is not None and _FEW_WORDS.fullmatch(ctx.text, body.end, cue.start())
                else:
                    body = _after(refs, cue.end(), BODY_LABELS)
                    near = body is not None and _FEW_WORDS.fullmatch(ctx.text, cue.end(), body.start)
                named = _after(refs, cue.end(), frozenset({"Initiative"}))
                if named and not _FEW_WORDS.fullmatch(ctx.text, cue.end(), named.start):
                    named = None  # an initiative further on is not what the body is drawn into
                target = _id(named) if named else ctx.main_initiative
                if near and target is not None:
                    yield Found("PARTICIPATES_IN", body.node_id, target, sentence)


def _model_choice(sentence: str) -> str | None:
    """The model a body chose ("tage udgangspunkt i model a)")."""
    match = re.search(r"\bmodel\s+([a-zA-Z0-9])\)", sentence)
    return match.group(1) if match else None


@rule("membership")
def membership(ctx: Context) -> Iterator[Found]:
    """"Strukturudvalget bestod af: <persons>"; "Medlemmer: <persons>"; "bestående af … udpeget af X, Y og Z"."""
    for cue in ctx.cues_in(danish.MEMBERSHIP_CUES, Span(0, len(ctx.text))):
        group = _before(ctx.refs, cue.start(), frozenset({"Group", "Committee", "Council"}))
        if group is None or cue.start() - group.end > 120:
            continue
        block = _list_block(ctx, cue.end())
        listed = [r for r in ctx.refs_in(block) if r.node_id != group.node_id]
        persons = [r for r in listed if r.label == "Person"]
        # Organisations named beside persons ("Jo Gadegaard, FOA") are the persons' affiliations.
        for member in persons or [r for r in listed if r.label in BODY_LABELS]:
            yield Found("MEMBER_OF", member.node_id, group.node_id, Span(group.start, block.end))


def _list_block(ctx: Context, start: int) -> Span:
    """From ``start`` to the end of the sentence, continued over following lines that name persons."""
    sentence = ctx.sentence_at(start) or Span(start, start)
    clause_end = re.search(r",\s+(?:som|der|hvor)\b|;|\n(?=" + _HEADER_LINE.pattern + ")", ctx.text[start : sentence.end])
    end = start + clause_end.start() if clause_end else max(sentence.end, start)
    line_end = ctx.text.find("\n", end)
    if ctx.text[end : line_end if line_end >= 0 else len(ctx.text)].strip():
        return Span(start, end)  # the list ends inside its line: the next line is not part of it
    for line in lines(ctx.text):
        if line.start < end:
            continue
        if _HEADER_LINE.match(ctx.text, line.start) or not ctx.refs_in(line, {"Person"}):
            break  # a new "Afbud fra:" header or a line without persons ends the list
        end = line.end
    return Span(start, end)


_HEADER_LINE = re.compile(r"[A-ZÆØÅ][\w ]{0,30}:")


@rule("interface")
def interface(ctx: Context) -> Iterator[Found]:
    """"snitflader mellem X og Y"; "X … i samarbejde med Y"."""
    for sentence, cue, refs in ctx.cue_sites(danish.INTERFACE_CUES):
        after = [r for r in refs if r.start >= cue.end() and r.label in BODY_LABELS]
        if cue.group().lower().endswith("mellem"):
            pairs = after[:2]
        else:
            before = _before(refs, cue.start(), BODY_LABELS)
            pairs = [before, after[0]] if before and after else []
            if pairs and not _FEW_WORDS.fullmatch(ctx.text, cue.end(), after[0].start):
                pairs = []  # "sammen med udformning … i projektklynger": together with something else
        if len(pairs) == 2 and pairs[0].node_id != pairs[1].node_id:
            yield Found("INTERFACE", pairs[0].node_id, pairs[1].node_id, sentence)


@rule("replacement")
def replacement(ctx: Context) -> Iterator[Found]:
    """"X erstattes af Y", "X ændres til Y", "Y afløser X", "Y er etableret … gennem en omdannelse af X"."""
    for sentence, cue, refs in ctx.cue_sites(danish.REPLACEMENT_CUES):
        labels = CHANGEABLE | {"Organisation"}
        word = cue.group().lower()
        before = _before(refs, cue.start(), labels)
        following = [r for r in refs if r.start >= cue.end() and r.label in labels]
        if before is None and word.startswith("afløser") and len(following) >= 2:
            new, old = following[:2]  # "Pr. 1. april 2024 afløser Y X": verb before subject
        elif before is None or not following:
            continue
        elif word.startswith(("afløser", "omdannelse")):
            old, new = following[0], before
        else:
            old, new = before, following[0]
        if old.node_id == new.node_id or _renamed(ctx, old):
            continue
        when = _effective_date(ctx, sentence, cue.start(), set()) or _effective_date(ctx, sentence, sentence.start, set())
        yield Found("REPLACED_BY", old.node_id, new.node_id, sentence, {"date": when} if when else {})


@rule("task_succession")
def task_succession(ctx: Context) -> Iterator[Found]:
    """"… at nedlægge Skoleudvalget …" and "De opgaver som hørte under Skoleudvalget overføres også til
    Børne-, Fritids- og Kulturudvalget": the body that takes over a closed body's tasks succeeds it."""
    closed = _closed_down(ctx)
    for sentence, cue, refs in ctx.cue_sites(danish.TRANSFER_CUES):
        old = _before(refs, cue.start(), HOLDERS)
        new = _after(refs, cue.end(), HOLDERS)
        if old is None or new is None or old.node_id not in closed or old.node_id == new.node_id:
            continue
        if ctx.text[cue.end() : new.start].strip():
            continue
        yield Found("REPLACED_BY", old.node_id, new.node_id, sentence)


def _closed_down(ctx: Context) -> set[str]:
    """Bodies the document names right after a word of closing down ("at nedlægge Skoleudvalget")
    or right before one ("Skoleudvalget nedlægges")."""
    closed = set()
    for cue in ctx.cues_in(danish.DISSOLUTION_CUES, Span(0, len(ctx.text))):
        after = _after(ctx.refs, cue.end(), CHANGEABLE)
        before = _before(ctx.refs, cue.start(), CHANGEABLE)
        if after is not None and not ctx.text[cue.end() : after.start].strip():
            closed.add(after.node_id)
        if before is not None and not ctx.text[before.end : cue.start()].strip():
            closed.add(before.node_id)
    return closed


def _renamed(ctx: Context, old: Ref) -> bool:
    """"Navnet ”By-, Erhvervs- og Klimaudvalg” ændres til …": a new name for the same body, no successor."""
    return bool(ctx.cues_in(danish.NAME_CHANGE_WORDS, Span(max(0, old.start - 12), old.start)))


#: Rank of a body in a letterhead: lower is higher up.
_RANK = {"Council": 0, "Committee": 1, "Administration": 2, "Unit": 3}


@rule("letterhead_hierarchy")
def letterhead_hierarchy(ctx: Context) -> Iterator[Found]:
    """Adjacent lines naming one body each ("Ressortsekretariatet / Økonomiforvaltningen"): the lesser is part of the greater."""
    named = _lines_naming_one_ranked_body(ctx)
    for number, (line_a, a) in sorted(named.items()):
        if number + 1 not in named:
            continue
        line_b, b = named[number + 1]
        adjacent = "\n\n" not in ctx.text[line_a.end : line_b.start]
        rank_a, rank_b = _unit_rank(ctx, a), _unit_rank(ctx, b)
        if adjacent and rank_a != rank_b:
            child, parent = (a, b) if rank_a > rank_b else (b, a)
            yield Found("PART_OF", child.node_id, parent.node_id, Span(line_a.start, line_b.end))


def _lines_naming_one_ranked_body(ctx: Context) -> dict[int, tuple[Span, Ref]]:
    """The lines (by number among the non-empty lines) that are all but the name of one ranked body.
    Found from the ranked bodies' refs, as most lines name none."""
    all_lines = lines(ctx.text)
    line_starts = [line.start for line in all_lines]
    named, read = {}, None
    for ref in ctx.refs:
        if ref.label not in _RANK:
            continue
        number = bisect_right(line_starts, ref.start) - 1
        if number < 0 or number == read:
            continue  # before the first line, or on the line of the previous ranked body (read already)
        read, line = number, all_lines[number]
        refs = ctx.refs_in(line)
        if len(refs) == 1 and refs[0].label in _RANK and (refs[0].end - refs[0].start) >= 0.8 * (line.end - line.start):
            named[number] = (line, refs[0])
    return named


def _unit_rank(ctx: Context, ref: Ref) -> float:
    """Centres rank above the secretariats and offices inside them."""
    rank = _RANK[ref.label]
    if ref.label == "Unit" and ctx.text[ref.start : ref.end].lower().startswith(("center", "centret")):
        rank -= 0.5
    return rank


@rule("decision_concerns")
def decision_concerns(ctx: Context) -> Iterator[Found]:
    """Initiatives and tasks named in the sentence that states a decision."""
    for decision in ctx.decisions:
        sentence = ctx.sentence_at(decision.start)
        if sentence is None:
            continue
        for ref in ctx.refs_in(_main_clause(ctx, sentence, decision.end), OBJECTS):
            yield Found("CONCERNS", decision.node_id, ref.node_id, sentence)


@rule("decision_concerns_administration")
def decision_concerns_administration(ctx: Context) -> Iterator[Found]:
    """"… udmøntningen af de administrative besparelser i centre og områder i BUF, som blev vedtaget af
    Borgerrepræsentationen d. 30. november 2023": the administration named beside a decision is what it concerns."""
    for decision in ctx.decisions:
        sentence = ctx.sentence_at(decision.start)
        if sentence is None:
            continue
        for ref in ctx.refs_in(_main_clause(ctx, sentence, decision.end), {"Administration"}):
            proposes = ctx.cues_in(danish.PROPOSAL_CUES, Span(ref.end, min(ref.end + 3, sentence.end) + 22))
            if ref.node_id != decision.body_id and not _named_as_proposer(ctx, ref) and not proposes:
                yield Found("CONCERNS", decision.node_id, ref.node_id, sentence)


def _main_clause(ctx: Context, sentence: Span, after: int) -> Span:
    """The sentence up to the first subordinate clause after ``after``: "ØU tiltrådte indstilling om
    Fast track, som indebærer …, herunder særligt daginstitutionsområdet" is about Fast track only."""
    subordinate = _SUBORDINATE_CLAUSE.search(ctx.text, after, sentence.end)
    return Span(sentence.start, subordinate.start() if subordinate else sentence.end)


_SUBORDINATE_CLAUSE = re.compile(r",\s*(?:" + "|".join(danish.SUBORDINATE_CLAUSE_OPENERS) + r")\b", re.IGNORECASE)


@rule("decision_concerns_subject")
def decision_concerns_subject(ctx: Context) -> Iterator[Found]:
    """A decision whose own sentence names nothing concerns what the document is about:
    "Økonomiudvalgets beslutning i mødet den 7. november 2017" on the plan for frisættelsesforsøg 2.0."""
    subject = ctx.main_initiative
    if sum(r.node_id == subject for r in ctx.refs) < 2:
        return  # named once, say in a list of agenda items, it is not what the document is about
    for decision in ctx.decisions:
        sentence = ctx.sentence_at(decision.start)
        if sentence is not None and not ctx.refs_in(sentence, OBJECTS):
            yield Found("CONCERNS", decision.node_id, subject, Span(decision.start, decision.end))


@rule("participants_in_parentheses")
def participants_in_parentheses(ctx: Context) -> Iterator[Found]:
    """"… en ny strategi for at forebygge mistrivsel blandt børn og unge (BUF, SUF, KFF og SOF)":
    the bodies in parentheses after an initiative take part in it."""
    text = ctx.text
    for start in literal_starts(text, "(") or []:
        sentence = ctx.sentence_at(start)
        close = text.find(")", start, sentence.end) if sentence else -1
        if close < 0:
            continue
        inside = ctx.refs_in(Span(start, close), BODY_LABELS)
        if len(inside) < 2:
            continue
        words = re.sub(r"[\s,]|\bog\b", "", text[start + 1 : close])
        named = "".join(re.sub(r"\s", "", text[r.start : r.end]) for r in inside)
        if words != named:
            continue  # only a parenthesis that is nothing but a list of bodies
        initiative = _before(ctx.refs_in(sentence), start, frozenset({"Initiative"}))
        if initiative is None:
            continue
        for body in inside:
            yield Found("PARTICIPATES_IN", body.node_id, initiative.node_id, Span(initiative.start, close + 1))


_PARTIES_START = re.compile(rf"\s+{danish.AGREEMENT_PARTIES_WORD}\s+")
_PARTIES_GAP = re.compile(r"\s*(?:,|og|samt)\s*")


@rule("agreement_parties")
def agreement_parties(ctx: Context) -> Iterator[Found]:
    """"aftalen om kommunernes økonomi i 2014 mellem KL og Regeringen": the parties named right after
    "mellem" take part in the agreement."""
    refs = ctx.refs
    for i, agreement in enumerate(refs):
        if agreement.label != "Initiative" or not _PARTIES_START.match(ctx.text, agreement.end):
            continue
        previous_end, gap = agreement.end, _PARTIES_START
        for party in refs[i + 1 :]:
            if party.label not in BODY_LABELS or not gap.fullmatch(ctx.text, previous_end, party.start):
                break
            yield Found("PARTICIPATES_IN", party.node_id, agreement.node_id, Span(agreement.start, party.end))
            previous_end, gap = party.end, _PARTIES_GAP


def _id(ref_or_id: Ref | str) -> str:
    return ref_or_id if isinstance(ref_or_id, str) else ref_or_id.node_id


_AFFILIATION_GAP = re.compile(r"\s*(?:,|\(|/)\s*")


@rule("affiliation")
def affiliation(ctx: Context) -> Iterator[Found]:
    """"Christina Borries, OAO", "Hans Jessen, Sundhedskartellet/DSR", "Tina Bentzen (UKON)":
    the organisations named right after a person are the ones the person represents."""
    refs = ctx.refs
    for i, person in enumerate(refs):
        if person.label != "Person":
            continue
        previous = person
        for following in refs[i + 1 :]:
            if following.label != "Organisation" or not _AFFILIATION_GAP.fullmatch(ctx.text, previous.end, following.start):
                break
            yield Found("MEMBER_OF", person.node_id, following.node_id, Span(person.start, following.end))
            previous = following


MEMBERS = BODY_LABELS | {"Person"}
#: Bodies one can be a member of or represented in.
ASSEMBLIES = frozenset({"Group", "Committee", "Council", "Organisation"})


@rule("stated_membership")
def stated_membership(ctx: Context) -> Iterator[Found]:
    """"Københavns Kommune er medlem af Øresundskomiteen"; "Kommunerne er repræsenteret i Porteføljegruppen"."""
    for _, cue, refs in ctx.cue_sites(danish.MEMBER_FIRST_CUES):
        member = _before(refs, cue.start(), MEMBERS)
        assembly = _after(refs, cue.end(), ASSEMBLIES)
        if member is None or assembly is None or member.node_id == assembly.node_id:
            continue
        if _FEW_WORDS.fullmatch(ctx.text, member.end, cue.start()) and not ctx.text[cue.end() : assembly.start].strip():
            yield Found("MEMBER_OF", member.node_id, assembly.node_id, Span(member.start, assembly.end))


#: Persons listed together: "Lene Koustrup Madsen og Henning Jørgensen", "A, B og C".
_PERSON_LIST_GAP = re.compile(r"\s*(?:,|og|samt)\s*|\s*,\s*og\s*")
#: Between the persons and the cue: an auxiliary ("blev", "er") at most.
_AUXILIARY_GAP = re.compile(r"\s+(?:(?:" + "|".join(danish.PASSIVE_AUXILIARIES) + r")\s+)?")
#: Between the cue and the body: an article and an adjective ("det nye").
_ARTICLE_GAP = re.compile(r"\s+(?:(?:den|det|de|en|et)\s+)?(?:[a-zæøå]+\s+)?")


@rule("appointment")
def appointment(ctx: Context) -> Iterator[Found]:
    """"Lene Koustrup Madsen og Henning Jørgensen blev udpeget til det nye Klima- og Agenda 21 Råd":
    the persons right before the cue are members of the body right after it."""
    for _, cue, refs in ctx.cue_sites(danish.APPOINTMENT_CUES):
        assembly = _after(refs, cue.end(), ASSEMBLIES)
        if assembly is None or not _ARTICLE_GAP.fullmatch(ctx.text, cue.end(), assembly.start):
            continue
        persons, boundary = [], cue.start()
        for ref in reversed([r for r in refs if r.end <= cue.start()]):
            gap = _AUXILIARY_GAP if not persons else _PERSON_LIST_GAP
            if ref.label != "Person" or not gap.fullmatch(ctx.text, ref.end, boundary):
                break
            persons.append(ref)
            boundary = ref.start
        for person in persons:
            yield Found("MEMBER_OF", person.node_id, assembly.node_id, Span(person.start, assembly.end))


_CHAIR_OF = re.compile(r"(?i:" + "|".join(danish.CHAIR_WORDS) + r")\s+for\s+")
_CHAIR_PERSON_GAP = re.compile(r"\s*,?\s*")


def _may_end_chair_words(text: str, offset: int) -> bool:
    """Can "formand for " end at ``offset``? A cheap test before the search, as few bodies follow one."""
    return offset > 0 and text[offset - 1].isspace() and "for" in text[max(0, offset - 25) : offset]


@rule("chair")
def chair(ctx: Context) -> Iterator[Found]:
    """"formanden for Teknisk Udvalg, Michael Rex"; "Michael Rex, formand for Teknisk Udvalg": the
    chair is a member of the body."""
    refs = ctx.refs
    for i, body in enumerate(refs):
        if body.label not in ASSEMBLIES or not _may_end_chair_words(ctx.text, body.start):
            continue
        cue = _CHAIR_OF.search(ctx.text, max(0, body.start - 25), body.start)
        if cue is None or cue.end() != body.start:
            continue
        following = refs[i + 1] if i + 1 < len(refs) else None
        preceding = refs[i - 1] if i else None
        if following and following.label == "Person" and _CHAIR_PERSON_GAP.fullmatch(ctx.text, body.end, following.start):
            yield Found("MEMBER_OF", following.node_id, body.node_id, Span(cue.start(), following.end))
        elif (preceding and preceding.label == "Person"
              and re.fullmatch(r"\s*,\s*", ctx.text[preceding.end : cue.start()])):
            yield Found("MEMBER_OF", preceding.node_id, body.node_id, Span(preceding.start, body.end))


_OWNED_COMMITTEES = re.compile(
    r"(?:'s|’s|s)?\s+(?:(?:" + "|".join(danish.COMMITTEE_COUNT_WORDS) + r")\s+){1,3}(?:"
    + "|".join(danish.OWNED_COMMITTEES_HEADS) + r")(?![\w])",
    re.IGNORECASE,
)


@rule("owned_committees")
def owned_committees(ctx: Context) -> Iterator[Found]:
    """"KL's seks politiske udvalg får nye formænd": the committees the document names are that
    organisation's (the first organisation so described is the one the document is about)."""
    committees = sorted({r.node_id for r in ctx.refs if r.label == "Committee"})
    for owner in ctx.refs:
        surface = ctx.text[owner.start : owner.end]
        if owner.label != "Organisation" or danish.MUNICIPALITY_WORD in surface or danish.REGION_WORD in surface:
            continue  # a municipality's or region's committees are its council's, not the organisation's
        match = _OWNED_COMMITTEES.match(ctx.text, owner.end)
        if match is None or not _is_genitive(ctx.text[owner.start : match.end()]):
            continue
        span = ctx.sentence_at(owner.start) or Span(owner.start, match.end())
        for committee in committees:
            yield Found("PART_OF", committee, owner.node_id, span)
        return


def _is_genitive(phrase: str) -> bool:
    """The first word of ``phrase`` is a genitive: "KL's", "KL’s", "Regionens"."""
    return phrase.split()[0].endswith("s")


@rule("owned_body_part_of")
def owned_body_part_of(ctx: Context) -> Iterator[Found]:
    """"Gennem KOMBITs bestyrelse", "Bestyrelsen for Fremfærd": the board is part of its owner."""
    by_key: dict[str, Ref] = {}
    for ref in ctx.refs:
        by_key.setdefault(name_key(ctx.text[ref.start : ref.end]), ref)
    for match in owned_body_matches(ctx.text):
        head, owner_group = ("head", "owner") if match.group("head") else ("head2", "owner2")
        board = next((r for r in ctx.refs_in(Span(match.start(), match.end()), danish.OWNED_BODY_HEADS)
                      if r.start <= match.start(head) and match.end(head) <= r.end), None)
        named_owner = ctx.refs_in(Span(match.start(owner_group), match.end(owner_group) + 2), BODY_LABELS)
        owner = named_owner[0] if named_owner else by_key.get(name_key(match.group(owner_group)))
        if board is not None and owner is not None and owner.node_id != board.node_id and owner.label in BODY_LABELS:
            yield Found("PART_OF", board.node_id, owner.node_id, Span(match.start(), match.end()))