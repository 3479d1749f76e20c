"""News conventions the quote finder follows (issue 14, quotes round 6): mixed quotation-mark styles,
signed quotes, speech participles, 'as X put it' and colon introductions."""

from __future__ import annotations

from dossier.extract.quotes import find_quotes
from dossier.extract.quotes_marks import find_segments, paragraph_bounds
from dossier.model import Document, Quote
from dossier.nlp.annotate import annotate_document


def _direct(nlp, text: str) -> list[Quote]:
    doc = Document(id="t", source="t", text=text)
    annots, sdoc = annotate_document(doc, nlp)
    return [q for q in find_quotes(doc, sdoc, annots.mentions) if q.kind == "direct"]


def _segments(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text, paragraph_bounds(text))]


def _span(text: str, q: Quote) -> str | None:
    return text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None


def _quote(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text for q in quotes]}"
    return found[0]


# -- quotation marks -------------------------------------------------------------------------


def test_curly_quote_closed_by_a_straight_mark():
    text = '\u201cThe deals should never have been offered," Senator Dana Whitfield said, calling them "gifts."'
    assert _segments(text) == ["The deals should never have been offered,", "gifts."]


def test_straight_quote_closed_by_a_curly_mark():
    text = '"He has a huge pulpit behind him,\u201d said Paul Rennick, a professor of surgery.'
    assert _segments(text) == ["He has a huge pulpit behind him,"]


def test_inner_quote_of_the_other_style_does_not_close_the_outer_one():
    text = '\u201cThey called it "a hoax" on air,\u201d said Paul Rennick.'
    assert _segments(text) == ['They called it "a hoax" on air,']


def test_curly_quote_nests_inside_a_curly_quote():
    text = "\u201cI\u2019d rather live in what he calls \u201chell\u201d than live anywhere else.\u201d \u2015 Ana Ruiz"
    assert _segments(text) == ["I\u2019d rather live in what he calls \u201chell\u201d than live anywhere else."]


def test_curly_opener_that_does_not_nest_leaves_the_reporting_clause_outside():
    text = "\u201cWe will \u201cfight on,\u201d she said. \u201cAnd we will win.\u201d"
    assert _segments(text) == ["We will \u201cfight on,", "And we will win."]


def test_closing_mark_typed_at_the_head_of_a_paragraph_opens_it():
    text = "Readers wrote in.\n\n\u201dI am afraid of what comes next for my family.\u201d \u2015 Ana Ruiz\n"
    assert _segments(text) == ["I am afraid of what comes next for my family."]


# -- signed quotes ---------------------------------------------------------------------------


def test_signature_after_a_no_break_space_and_an_untagged_name(nlp):
    text = ("Readers told us what they think.\n\n"
            "\u201cThe council has ignored our street for years and nobody answers our letters.\u201d\u00a0\u2015 Maria Lopez\n"
            "\u201cI would rather move than wait another decade for a bus stop.\u201d \u2015\u00a0Jacklyn Q Ashbourne\n")
    quotes = _direct(nlp, text)
    assert [_span(text, q) for q in quotes] == ["Maria Lopez", "Jacklyn Q Ashbourne"]


def test_byline_after_a_partial_quote_signs_nothing(nlp):
    text = ('The prime minister said Monday that his party was "still the first force in the country."'
            "--Kim Hallberg.\n\nMore news follows.")
    (q,) = _direct(nlp, text)
    assert "Hallberg" not in (q.speaker or "")


# -- who a participle, a tail clause or 'put it' names -----------------------------------------


def test_participle_after_of_names_the_person_shown(nlp):
    text = "The new ad uses footage of Janet Morrow asking, \u201cWhy aren\u2019t I 50 points ahead, you might ask?\u201d"
    q = _quote(_direct(nlp, text), "Why aren")
    assert _span(text, q) == "Janet Morrow"


def test_participle_of_a_passive_clause_is_its_subjects(nlp):
    text = ("In her book, Keller described the illness. After saying her foot was \u201cso swollen I could "
            "barely walk,\u201d she was rushed to a hospital for tests.")
    q = _quote(_direct(nlp, text), "so swollen")
    assert _span(text, q) == "she"


def test_subordinate_clause_after_a_quote_is_no_reporting_clause(nlp):
    text = ("The spot ends with footage of Governor Paul Hendry saying during the debate, \u201cThat makes me "
            "smart,\u201d when Senator Ana Ruiz blasted him for not paying tax.")
    q = _quote(_direct(nlp, text), "That makes me")
    assert "Ruiz" not in (q.speaker or "")


def test_as_x_put_it_names_the_speaker(nlp):
    text = ('The main requirement of the program is a "lawful source of investment income," as a Homeland '
            "Security memo put it.")
    q = _quote(_direct(nlp, text), "lawful source")
    assert _span(text, q) == "a Homeland Security memo"


# -- colons ----------------------------------------------------------------------------------


def test_participle_after_a_colon_quote_shares_the_reporting_subject(nlp):
    text = ('In a statement, Northfield Mining said: "The spin-off was highly successful when it became a '
            'public company a decade ago," adding that its market value quadrupled in less than a year.')
    q = _quote(_direct(nlp, text), "The spin-off")
    assert _span(text, q) == "Northfield Mining"


def test_colon_closes_the_clause_next_to_it(nlp):
    text = ('When my mother mentioned it, I laughed. She became so upset, and started driving so '
            'erratically, that I had to change my answer: "Of course I believe in it. I was just kidding."')
    q = _quote(_direct(nlp, text), "Of course")
    assert _span(text, q) == "I"


def test_parenthetical_reporter_owns_what_others_are_said_to_believe(nlp):
    text = ('During his seven years in office, Mr. Harlan said, a majority of voters have come to believe '
            '"that the change is real, that it is important and we should do something about it."')
    q = _quote(_direct(nlp, text), "that the change")
    assert _span(text, q) == "Mr. Harlan"


# -- who does what an infinitive says --------------------------------------------------------


def test_object_of_a_control_verb_is_the_infinitives_subject(nlp):
    text = ('Meanwhile the minister continues his praise of the deal. All this has led the journalist '
            'Dainis Ozols to fear a "New Molotov-Ribbentrop Pact."')
    q = _quote(_direct(nlp, text), "New Molotov")
    assert "Ozols" in (_span(text, q) or "")


def test_purpose_infinitive_object_is_no_speaker(nlp):
    text = "\u201cThey stole the country,\u201d the man shouted, using an expletive to describe the government."
    q = _quote(_direct(nlp, text), "They stole")
    assert _span(text, q) == "the man"


def test_kin_noun_can_speak(nlp):
    text = ("The 1994 law, which prompted his wife and current nominee Ann Ruiz to make a controversial comment "
            "that described young men as \u201csuper predators.\u201d")
    q = _quote(_direct(nlp, text), "super predators")
    assert "wife" in (_span(text, q) or "")


# -- the parse walks themselves, on hand-built parses (no model: the tree is the test's) --------


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str] | None = None):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_speaker_of_a_participle_four_steps_below_its_subject():
    from dossier.extract.quotes_cues import _subject

    # 'The candidate appeared to assert his plans by saying, "..."': saying -> by -> assert -> appeared
    words = ["The", "candidate", "appeared", "to", "assert", "his", "plans", "by", "saying", ","]
    heads = [1, 2, 2, 4, 2, 6, 4, 4, 7, 8]
    deps = ["det", "nsubj", "ROOT", "aux", "xcomp", "poss", "dobj", "prep", "pcomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "PART", "VERB", "PRON", "NOUN", "ADP", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    head = _subject(doc[8], first_in_clause=False)
    assert head is not None and head.text == "candidate"


def test_a_place_is_never_the_nearest_name():
    from dossier.extract.quotes_cues import _nearest_name

    # 'She was ready to joke about it in Iowa, telling the crowd': no subject parsed for the cue
    words = ["She", "joked", "in", "Iowa", ",", "telling", "the", "crowd"]
    heads = [1, 1, 1, 2, 5, 5, 7, 5]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "dep", "det", "dobj"]
    pos = ["PRON", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "DET", "NOUN"]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    words_after_she = [t for t in doc[2:] if not t.is_punct]
    assert _nearest_name(words_after_she, doc[5], after=False) is None
    assert _nearest_name([t for t in doc if not t.is_punct], doc[5], after=False).text == "She"
