"""Headline words truecased across the corpus (session 15)."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.observe import observe
from dossier.resolve.truecase import capital_anyway, common_heads, truecase_headline_words

from .helpers import annotate, make_doc


def _at(text: str, surface: str, nth: int = 0) -> int:
    return [i for i in range(len(text)) if text.startswith(surface, i)][nth]


def test_a_word_is_capital_anyway_in_a_headline_or_in_capitals():
    text = "Woman Dies In Riverside Crash\nA MAN was held. The band Woman played on Friday."
    assert capital_anyway(text, 0, 5)  # a title-case line
    assert capital_anyway(text, _at(text, "MAN"), _at(text, "MAN") + 3)  # written in capitals
    assert not capital_anyway(text, _at(text, "Woman", 1), _at(text, "Woman", 1) + 5)  # a capital inside a sentence


def test_a_headline_word_the_corpus_uses_as_a_common_noun_is_that_noun():
    a = make_doc("a", "Woman Dies In Riverside Crash\nA woman died on Friday after a car hit her in Riverside. The woman was 59.")
    b = make_doc("b", "Woman Dies After Riverside Crash\nMina Patel died on Friday after a car hit her in Riverside.")
    res = resolve_entities([a, b], [annotate(a, ("woman", "PERSON")),
                                    annotate(b, ("Woman", "PERSON"), ("Mina Patel", "PERSON"))])
    ent = res.mention_entity
    headline = ent[("b", 0, 5)]
    assert headline == ent[("a", _at(a.text, "woman"), _at(a.text, "woman") + 5)]  # the woman of the story
    assert res.entity(headline).type == "person" and res.entity(headline).name.lower() == "woman"


def test_names_titles_and_running_text_keep_their_capital():
    a = make_doc("a", "Rovers Beat Comets In Overtime\nThe Lakeside Rovers won. A rover was sold.\n"
                      "Governor Signs Jones Bill\nThe governor named her. The band Woman played.")
    b = make_doc("b", "The woman said the governor will speak.")
    res = resolve_entities([a, b], [annotate(a, ("Lakeside Rovers", "ORG"), ("Rovers", "ORG"), ("rover", "MISC"),
                                             ("Governor", "PERSON"), ("governor", "PERSON"), ("Woman", "ORG")),
                                    annotate(b, ("woman", "PERSON"), ("governor", "PERSON"))])
    names = {e.name for e in res.entities}
    assert "Lakeside Rovers" in names and "Woman" in names  # a word of a longer name; running text
    rovers = res.mention_entity[("a", 0, 6)]
    assert res.entity(rovers).name == "Lakeside Rovers"
    d = make_doc("d", "Baker Wins Title\nThe champion won on Sunday.")
    e = make_doc("e", "Tom Baker won. The baker said the bread was sold.")
    res = resolve_entities([d, e], [annotate(d, ("Baker", "PERSON")), annotate(e, ("Tom Baker", "PERSON"), ("baker", "PERSON"))])
    assert res.mention_entity[("d", 0, 5)] == res.mention_entity[("e", 0, 9)]  # the surname of a full name elsewhere
    c = make_doc("c", "Governor Signs Jones Bill\nJones will serve.")
    anns = [annotate(c, ("Governor", "PERSON")), annotate(b, ("governor", "PERSON"))]
    seen = [o for d, x in zip((c, b), anns, strict=True) for o in observe(d, x)]
    read = truecase_headline_words(seen, {"c": c.text, "b": b.text})
    title = next(o for o in read if o.surface == "Governor")
    assert title.kind != "common"  # a title names the office's holder: 'Governor Signs <Name> Bill'


def test_words_of_a_web_address_are_no_lexicon():
    a = make_doc("a", "http://news.example.com/sport/baker-wins-title.html\nThe champion won. The crowd cheered.")
    anns = annotate(a, ("baker", "PERSON"), ("crowd", "PERSON"))
    heads = common_heads(observe(a, anns), {"a": a.text})
    assert "crowd" in heads and "baker" not in heads  # a surname written lowercase in a URL is no common noun
