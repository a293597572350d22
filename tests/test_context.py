"""What the rules see of a document: the sentences a cue list can be read in."""

from loaders import danish
from loaders.context import Context, Ref
from loaders.text import sentences

TEXT = (
    "Projektet forankres i HR-kredsen. Økonomiforvaltningen skriver et notat. "
    "Opgaverne overføres til Kultur- og Fritidsudvalget. Indsatsen forankret i direktionen."
)


def _context(text: str) -> Context:
    return Context("doc", text, sentences(text), [], [])


def test_sentences_with_a_cue_word_are_the_only_ones_a_rule_reads():
    ctx = _context(TEXT)
    found = [s.quote(TEXT) for s in ctx.sentences_with(danish.ANCHORING_CUES)]
    assert found == ["Projektet forankres i HR-kredsen.", "Indsatsen forankret i direktionen."]
    assert all(ctx.cues_in(danish.ANCHORING_CUES, s) for s in ctx.sentences_with(danish.ANCHORING_CUES))


def test_sentences_with_any_of_several_cue_lists_come_in_text_order():
    ctx = _context(TEXT)
    found = ctx.sentences_with(danish.TRANSFER_CUES, danish.ANCHORING_CUES)
    assert [s.quote(TEXT)[:9] for s in found] == ["Projektet", "Opgaverne", "Indsatsen"]


def test_a_text_without_the_cue_words_has_no_sentence_to_read():
    assert _context("Udvalget holder møde. Intet andet sker.").sentences_with(danish.ANCHORING_CUES) == []


def test_each_cue_comes_with_its_sentence_and_the_refs_in_that_sentence():
    hr_kredsen = Ref("group:hr-kredsen", "Group", TEXT.index("HR-kredsen"), TEXT.index("HR-kredsen") + 10)
    notat = Ref("initiative:notat", "Initiative", TEXT.index("notat"), TEXT.index("notat") + 5)
    ctx = Context("doc", TEXT, sentences(TEXT), [hr_kredsen, notat], [])
    sites = [(s.quote(TEXT), cue.group(), refs) for s, cue, refs in ctx.cue_sites(danish.ANCHORING_CUES)]
    assert sites == [
        ("Projektet forankres i HR-kredsen.", "forankres i", [hr_kredsen]),
        ("Indsatsen forankret i direktionen.", "forankret i", []),
    ]
