"""One phrase written with other capitals or spacing is one referent (resolve/variants.py)."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.variants import written_key

from .helpers import annotate, make_doc


def _entity(res, doc, surface):
    start = doc.text.index(surface)
    return res.mention_entity.get((doc.id, start, start + len(surface)))


def test_a_phrase_in_other_capitals_or_spacing_is_one_referent():
    assert written_key("in Southern Oldland") == written_key("southern Oldland")
    assert written_key("U . S . Surgeon General") == written_key("U.S. surgeon general")
    assert written_key("Gang Member") == written_key("Gangmember") and written_key("GI's") == written_key("GIs")
    a = make_doc("a", "Oldtown Police Arrest Man\nOldtown Police said the man was held.")
    b = make_doc("b", "A man was arrested on Sunday, Oldtown police said.")
    res = resolve_entities([a, b], [annotate(a, ("Oldtown Police", "ORG")), annotate(b, ("Oldtown police", "ORG"))])
    assert _entity(res, a, "Oldtown Police") is not None
    assert _entity(res, a, "Oldtown Police") == _entity(res, b, "Oldtown police")


def test_another_name_or_another_type_is_not_a_spelling_variant():
    a = make_doc("a", "Oldtown Police said the man was held. Oldtown was calm.")
    b = make_doc("b", "Oldtown police said the man was held.")
    res = resolve_entities([a, b], [annotate(a, ("Oldtown Police", "ORG"), ("Oldtown", "GPE")),
                                    annotate(b, ("Oldtown police", "ORG"))])
    start = a.text.index("Oldtown was")
    assert res.mention_entity.get((a.id, start, start + len("Oldtown"))) != _entity(res, b, "Oldtown police")


def test_a_spelling_variant_does_not_bridge_what_a_description_placed():
    # 'the Oldtown water board' is Acme Utilities by apposition; another page's 'Oldtown Water Board'
    # is not thereby Acme Utilities (nor is a person's description another person's title).
    a = make_doc("a", "Acme Utilities, the Oldtown water board, said on Monday it would raise rates.")
    b = make_doc("b", "The Oldtown Water Board met on Friday.")
    res = resolve_entities([a, b], [annotate(a, ("Acme Utilities", "ORG"), ("Oldtown water board", "ORG")),
                                    annotate(b, ("Oldtown Water Board", "ORG"))])
    assert _entity(res, a, "Acme Utilities") != _entity(res, b, "Oldtown Water Board")
    c = make_doc("c", "Dana Brill, the Oldtown surgeon general, spoke on Monday.")
    d = make_doc("d", "The Oldtown Surgeon General said the plan would go ahead.")
    res = resolve_entities([c, d], [annotate(c, ("Dana Brill", "PERSON"), ("Oldtown surgeon general", "PERSON")),
                                    annotate(d, ("Oldtown Surgeon General", "PERSON"))])
    assert _entity(res, c, "Dana Brill") != _entity(res, d, "Oldtown Surgeon General")
