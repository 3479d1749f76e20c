"""The speed paths of the language layer give exactly what the slow paths give.

- the attribute ruler's patterns run as column tests (``annotate.fast_component``) == spaCy's ruler;
- paragraph starts / breaks and role-noun / pronoun lookups read token columns == token loops;
- timex skips rules whose words are absent from a text == running every rule.
"""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
import spacy

from dossier.model import Document
from dossier.date import timex
from dossier.nlp.annotate import _compile_ruler, _rule_matches, annotate_document, fast_component
from dossier.nlp.mention_titles import tokens_with_lower
from dossier.nlp.sentences import mark_paragraph_starts, paragraph_breaks

TEXTS = [
    "There is no deal, the Russian foreign minister said on Tuesday. He didn't say why.",
    "I've told you: it's 5 p.m. and they're late. Whatever we do, we'll do it y'all.",
    "Prime Minister Shinzo Abe met Vladimir Putin in Sochi; they agreed to meet again next year.",
    "Ain't nothin' wrong with 17 percent, she says. Does it matter? It does.",
]


def _token_attrs(doc: Doc) -> list[tuple]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_fast_ruler_matches_spacy_ruler_on_model_pipeline(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    table = _compile_ruler(ruler)
    assert table is not None and len(table.rules) >= 150  # the English ruler is fully covered
    docs = list(nlp.pipe(TEXTS, disable=["attribute_ruler", "ner"]))
    total = 0
    for doc in docs:
        expected = ruler.match(doc)
        assert _rule_matches(doc, table) == expected
        total += len(expected)
    assert total > sum(len(d) for d in docs)  # tag map on every token plus word exceptions


def test_annotate_doc_equals_plain_spacy(nlp):
    # no blank line, so paragraph marking changes nothing and the two parses must be identical
    for text in TEXTS:
        _, sdoc = annotate_document(Document(id="d", source="t", text=text), nlp)
        assert _token_attrs(sdoc) == _token_attrs(nlp(text))


def _custom_ruler(vocab) -> AttributeRuler:
    ruler = AttributeRuler(vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "the", "TAG": {"IN": ["DT", "XX"]}}]], {"POS": "DET"})
    ruler.add([[{"TEXT": "Big", "IS_TITLE": True}]], {"POS": "ADJ"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", "DT", ""]}, "IS_PUNCT": False}]], {"POS": "X"})
    ruler.add([[{"LOWER": {"REGEX": "^c.t$"}}]], {"LEMMA": "feline"})
    ruler.add([[{"IS_DIGIT": True}, {"LOWER": "cats"}]], {"POS": "NUM"}, index=0)
    ruler.add([[{"ORTH": "big"}, {"IS_ALPHA": True}]], {"POS": "ADJ"}, index=-2)
    ruler.add([[{"DEP": "nsubj"}]], {"MORPH": "Case=Nom"})
    return ruler


def _custom_doc(vocab) -> Doc:
    words = ["The", "Big", "cat", "saw", "3", "cats", "and", "big", "dogs", "cot", "."]
    tags = ["DT", "JJ", "NN", "VBD", "CD", "NNS", "CC", "JJ", "NNS", "NN", "."]
    deps = ["det", "amod", "nsubj", "ROOT", "nummod", "dobj", "cc", "amod", "conj", "appos", "punct"]
    heads = [2, 2, 3, 3, 5, 3, 5, 8, 5, 8, 3]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_fast_ruler_matches_spacy_ruler_on_custom_patterns():
    vocab = spacy.blank("en").vocab  # lexical attributes (LOWER, IS_DIGIT...) need a language
    ruler = _custom_ruler(vocab)
    table = _compile_ruler(ruler)
    assert table is not None
    slow, fast = _custom_doc(vocab), _custom_doc(vocab)
    expected = ruler.match(slow)
    assert _rule_matches(fast, table) == expected
    assert {(s, e) for _, _, s, e in expected} >= {(0, 1), (4, 6), (7, 9), (9, 10)}
    assert {a for a, _, _, _ in expected} == set(range(8))  # every kind of test matched somewhere
    ruler(slow)
    step = fast_component(ruler)
    assert step is not None
    step(fast)
    assert _token_attrs(fast) == _token_attrs(slow)
    assert fast[4].pos_ == "NUM" and fast[9].lemma_ == "feline" and fast[7].pos_ == "ADJ"


def test_ruler_with_operators_falls_back():
    vocab = spacy.blank("en").vocab
    ruler = AttributeRuler(vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADJ"})
    assert _compile_ruler(ruler) is None
    assert fast_component(ruler) is None
    assert fast_component(object()) is None


def test_paragraph_breaks_and_starts(nlp):
    text = "Talks Stall\n\nThe ministers met.\n \n\nThey left. Then\nthey came back."
    doc = nlp.make_doc(text)
    breaks = paragraph_breaks(doc)
    assert [doc[i].text for i in breaks] == ["\n\n", "\n \n\n"]
    mark_paragraph_starts(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Talks", "The", "They"]  # token 0 counts as a start; a single newline does not


def test_tokens_with_lower(nlp):
    doc = nlp.make_doc("He said the Foreign Minister and the minister met her; She agreed.")
    assert [doc[i].text for i in tokens_with_lower(doc, ["minister", "she", "he"])] == ["He", "Minister", "minister", "She"]
    assert tokens_with_lower(nlp.make_doc(""), ["he"]) == []


@pytest.mark.parametrize("anchor", ["2019-02-16", None])
def test_timex_prefilter_drops_nothing(kuril_texts, monkeypatch, anchor):
    odd = [
        "On Monday, March 3, 2019 at 10 a.m. the fiscal 2018 first quarter closed; a year-earlier period.",
        "In the nineties and in the summer of 1999, twice a week, at noon, three years ago.",
        "Kelvin \u212a and \u0130stanbul: last \u0131ndependence Day, the FIRST QUARTER of 2019.",
        "no time words at all here",
        "",
    ]
    texts = [*kuril_texts.values(), *odd]
    fast = [timex.find_times(t, anchor) for t in texts]
    monkeypatch.setattr(timex, "_runnable_rules", lambda text: timex._RULES)
    slow = [timex.find_times(t, anchor) for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 50


def test_timex_prefilter_skips_absent_rules():
    names = {r[0] for r in timex._runnable_rules("The minister spoke about the talks.")}
    assert "quarter" not in names and "month" not in names and "weekday" not in names
    assert "duration" in names  # no needs: always run
    names = {r[0] for r in timex._runnable_rules("In the first quarter, on Monday, in May.")}
    assert {"quarter", "month", "weekday"} <= names
