"""Headline words truecased across the corpus, and nationalities used as person nouns (session 15)."""

from __future__ import annotations

from dossier.model import Annotations
from dossier.resolve import resolve_entities
from dossier.resolve.describe import nationality_before
from dossier.resolve.observe import demonym_noun, observe
from dossier.resolve.truecase import capital_anyway, truecase_headline_words

from .helpers import annotate, make_doc, mention


def _at(text: str, surface: str, nth: int = 0) -> int:
    return [i for i in range(len(text)) if text.startswith(surface, i)][nth]


def test_a_word_is_capital_anyway_in_a_headline_or_in_capitals():
    text = "Woman Killed In Queens Crash\nA MAN was held. The band Woman played on Friday."
    assert capital_anyway(text, 0, 5)  # a title-case line
    assert capital_anyway(text, _at(text, "MAN"), _at(text, "MAN") + 3)  # written in capitals
    assert not capital_anyway(text, _at(text, "Woman", 1), _at(text, "Woman", 1) + 5)  # a capital inside a sentence


def test_a_headline_word_the_corpus_uses_as_a_common_noun_is_that_noun():
    a = make_doc("a", "Woman Killed In Queens Crash\nA woman died on Friday after a car hit her in Queens. The woman was 59.")
    b = make_doc("b", "Woman Dies After Queens Crash\nRaj Kumar died on Friday after a car hit her in Queens.")
    res = resolve_entities([a, b], [annotate(a, ("woman", "PERSON")),
                                    annotate(b, ("Woman", "PERSON"), ("Raj Kumar", "PERSON"))])
    ent = res.mention_entity
    headline = ent[("b", 0, 5)]
    assert headline == ent[("a", _at(a.text, "woman"), _at(a.text, "woman") + 5)]  # the woman of the story
    assert res.entity(headline).type == "person" and res.entity(headline).name.lower() == "woman"


def test_names_titles_and_running_text_keep_their_capital():
    a = make_doc("a", "Chargers Beat Raiders In Overtime\nThe San Diego Chargers won. A charger was sold.\n"
                      "President Nominates Jones\nThe president named her. The band Woman played.")
    b = make_doc("b", "The woman said the president will speak.")
    res = resolve_entities([a, b], [annotate(a, ("San Diego Chargers", "ORG"), ("Chargers", "ORG"), ("charger", "MISC"),
                                             ("President", "PERSON"), ("president", "PERSON"), ("Woman", "ORG")),
                                    annotate(b, ("woman", "PERSON"), ("president", "PERSON"))])
    names = {e.name for e in res.entities}
    assert "San Diego Chargers" in names and "Woman" in names  # a word of a longer name; running text
    chargers = res.mention_entity[("a", 0, 8)]
    assert res.entity(chargers).name == "San Diego Chargers"
    c = make_doc("c", "President Nominates Jones\nJones will serve.")
    anns = [annotate(c, ("President", "PERSON")), annotate(b, ("president", "PERSON"))]
    seen = [o for d, x in zip((c, b), anns, strict=True) for o in observe(d, x)]
    read = truecase_headline_words(seen, {"c": c.text, "b": b.text})
    title = next(o for o in read if o.surface == "President")
    assert title.kind != "common"  # a title names the office's holder: 'President Nominates <Name>'


def test_a_nationality_noun_is_a_description():
    assert demonym_noun("American") and demonym_noun("Ukrainian")
    assert not demonym_noun("Americans") and not demonym_noun("Thompson") and not demonym_noun("Tony Thompson")
    text = "American challenger Tony Thompson lost. The Ukrainian champion dropped Thompson twice."
    nouns = frozenset({"challenger", "champion"})
    assert nationality_before(text, _at(text, "Tony Thompson"), nouns) == "american"
    assert nationality_before(text, _at(text, "Thompson", 1), nouns) == ""  # a verb between: another noun phrase
    assert nationality_before(text, _at(text, "Tony Thompson"), frozenset()) == ""


def test_the_american_is_whom_the_text_introduces_as_american():
    a = make_doc("a", "Klitschko stopped American challenger Tony Thompson on Saturday. The challenger lost again.")
    b = make_doc("b", "Wladimir Klitschko beat Tony Thompson. The 40-year-old American never recovered, Klitschko said. "
                      "Klitschko won.")
    c = make_doc("c", "Tony Thompson lost to Klitschko. Thompson said the Ukrainian was too strong. Thompson will retire.")
    anns = [annotate(a, ("Tony Thompson", "PERSON"), ("Klitschko", "PERSON"), ("challenger", "PERSON")),
            Annotations(doc_id="b", mentions=(mention(b, "Wladimir Klitschko", "PERSON"), mention(b, "Tony Thompson", "PERSON"),
                                             mention(b, "American", "PERSON"), mention(b, "Klitschko", "PERSON", 1),
                                             mention(b, "Klitschko", "PERSON", 2))),
            annotate(c, ("Tony Thompson", "PERSON"), ("Klitschko", "PERSON"), ("Thompson", "PERSON"), ("Ukrainian", "PERSON"))]
    res = resolve_entities([a, b, c], anns)
    ent = res.mention_entity
    thompson = ent[("b", _at(b.text, "Tony Thompson"), _at(b.text, "Tony Thompson") + 13)]
    assert ent[("b", _at(b.text, "American"), _at(b.text, "American") + 8)] == thompson  # not Klitschko, the page's subject
    ukrainian = ent[("c", _at(c.text, "Ukrainian"), _at(c.text, "Ukrainian") + 9)]
    assert ukrainian != ent[("c", 0, 13)]  # no one is introduced as Ukrainian: not the page's subject
