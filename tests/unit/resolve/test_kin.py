"""A name set against a possessed family noun is another person than its page's namesake."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.kin import named_as_kin

from .helpers import annotate, make_doc


def test_named_as_kin_reads_apposition_to_a_possessed_family_noun():
    for text, name in (("His son, T.J. Roe, plays.", "T.J. Roe"), ("Ann Roe, his wife, spoke.", "Ann Roe"),
                       ("Tom Roe's younger brother Al Roe came.", "Al Roe"), ("her late husband Al Roe", "Al Roe")):
        s = text.index(name)
        assert named_as_kin(text, s, s + len(name)), text
    for text, name in (("The son of a farmer, Al Roe, spoke.", "Al Roe"), ("Coach Al Roe, his friend, came.", "Al Roe")):
        s = text.index(name)
        assert not named_as_kin(text, s, s + len(name)), text


def test_a_son_named_by_initials_stays_apart_from_his_father():
    docs = [make_doc(f"p{i}", "Coach Tony Dale spoke. Dale won.", None) for i in range(3)]
    anns = [annotate(d, ("Tony Dale", "PERSON"), ("Dale", "PERSON")) for d in docs]
    son = make_doc("s", "Tony Dale coached. His son, T.J. Dale, plays guard.", None)
    docs.append(son)
    anns.append(annotate(son, ("Tony Dale", "PERSON"), ("T.J. Dale", "PERSON")))
    res = resolve_entities(docs, anns)
    (tony,) = [e for e in res.entities if e.name == "Tony Dale"]
    assert "T.J. Dale" not in tony.aliases
    assert any(e.name == "T.J. Dale" for e in res.entities)


def test_a_wife_named_by_a_nickname_of_her_other_form_stays_one_woman():
    a = make_doc("a", "Bill Roe came. His wife, Peggy Roe, spoke. Margaret Roe later said no.", None)
    res = resolve_entities([a], [annotate(a, ("Bill Roe", "PERSON"), ("Peggy Roe", "PERSON"), ("Margaret Roe", "PERSON"))])
    names = {e.name: e for e in res.entities}
    assert "Bill Roe" in names
    assert len([e for e in res.entities if e.type == "person"]) == 2, [e.name for e in res.entities]
