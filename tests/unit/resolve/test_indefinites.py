"""A second indefinite of one head on a page is another referent ('a judge ... a judge')."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.indefinites import indefinite

from .helpers import annotate, make_doc


def _key(doc, surface: str, nth: int = 0) -> tuple[str, int, int]:
    starts = [i for i in range(len(doc.text)) if doc.text.startswith(surface, i)]
    return (doc.id, starts[nth], starts[nth] + len(surface))


def test_the_article_may_stand_before_the_span():
    text = "She met a 63-year-old judge. The judge left. An official spoke. His judge ruled."
    assert indefinite(text, text.index("judge"), "judge")  # 'a' and premodifiers left out of the span
    assert not indefinite(text, text.index("judge", text.index("The")), "judge")
    assert indefinite(text, text.index("An official"), "An official")
    assert not indefinite(text, text.index("judge", text.index("His")), "judge")


def test_a_second_indefinite_is_another_referent():
    a = make_doc("a", "Judges Overturn Ruling\nA judge signed the order on Monday. The judge said it was final. "
                      "On Friday a judge in another county refused to sign it.")
    res = resolve_entities([a], [annotate(a, ("judge", "PERSON"), ("Judge", "PERSON"))])
    first, definite, second = (res.mention_entity[_key(a, "judge", n)] for n in range(3))
    assert first == definite  # the definite takes up the judge introduced
    assert second != first  # 'a judge' again introduces another judge


def test_a_headline_is_no_earlier_indefinite():
    a = make_doc("a", "A Man Is Held After A Crash\nA man was held on Monday. The man was driving a truck.")
    res = resolve_entities([a], [annotate(a, ("man", "PERSON"))])
    assert res.mention_entity[_key(a, "man", 0)] == res.mention_entity[_key(a, "man", 1)]
