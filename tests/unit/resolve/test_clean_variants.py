"""Mention cleaning before resolution and written variants of one organisation's name."""

from __future__ import annotations

from dossier.resolve import resolve_entities, who
from dossier.resolve.clean import is_role, name_list, peel_descriptor
from dossier.resolve.namegroups import initials, variant_key
from dossier.nlp.names import translit_key

from .helpers import annotate, make_doc


def test_descriptors_and_titles_are_peeled_from_names():
    assert peel_descriptor("sect leader Warren Abbot", True) == ("sect leader", "Warren Abbot")
    assert peel_descriptor("Chairperson Dana Brill", True) == ("Chairperson", "Dana Brill")
    assert peel_descriptor("former Sen. Tom Ralls", True) == ("former Sen.", "Tom Ralls")
    assert peel_descriptor("Charles de Ville", True) == ("", "Charles de Ville")  # a particle stays
    assert peel_descriptor("Ministry of Health", False) == ("", "Ministry of Health")
    assert peel_descriptor("Deputy Director", True) == ("", "Deputy Director")  # a title alone
    assert is_role("sect leader") and not is_role("polygamist")


def test_comma_lists_of_names_are_two_things():
    assert name_list("Ames, Brill") == ["Ames", "Brill"]
    assert name_list("Tom Ralls, Jr.") == []


def test_variant_keys_and_initials():
    assert variant_key(translit_key("Tallgrass Distributors Ltd.")) == variant_key(translit_key("TallGrass Distributors"))
    assert variant_key(translit_key("I.B.M.")) == variant_key(translit_key("IBM"))
    assert variant_key(translit_key("Flicker.com")) == variant_key(translit_key("Flicker"))
    assert "ampas" in initials(translit_key("Academy of Motion Picture Arts and Sciences"))


def test_descriptor_mention_joins_its_person_and_gives_a_role():
    a = make_doc("a", "The court heard sect leader Warren Abbot. Warren Abbot denied it.", "2012-01-01")
    res = resolve_entities([a], [annotate(a, ("sect leader Warren Abbot", "PERSON"), ("Warren Abbot", "PERSON"))])
    (abbot,) = who(res, "Warren Abbot")
    assert abbot.mentions == 2
    assert any(r.title == "sect leader" for r in abbot.roles)


def test_acronym_in_the_same_page_links_to_its_long_form():
    a = make_doc("a", "The Northern Grain Board said. NGB officials agreed.")
    b = make_doc("b", "NGB said prices rose.")
    c = make_doc("c", "Nothing Good Bakery shut.")
    res = resolve_entities(
        [a, b, c],
        [annotate(a, ("Northern Grain Board", "ORG"), ("NGB", "ORG")), annotate(b, ("NGB", "ORG")),
         annotate(c, ("Nothing Good Bakery", "ORG"))],
    )
    board = who(res, "Northern Grain Board")[0]
    assert board.mentions == 3 and {"NGB", "Northern Grain Board"} == {board.name, *board.aliases}
    bakery = who(res, "Nothing Good Bakery")[0]
    assert bakery.id != board.id


def test_person_list_mention_is_refused():
    a = make_doc("a", "Reporters asked Ames, Brill about it. Ames left. Brill stayed.")
    res = resolve_entities([a], [annotate(a, ("Ames, Brill", "PERSON"), ("Ames", "PERSON"), ("Brill", "PERSON"))])
    assert not any("," in n for e in res.entities for n in (e.name, *e.aliases))


def test_dateline_agency_is_no_alias_and_abbreviated_titles_spell_out():
    from dossier.resolve.aliases import find_aliases
    from dossier.resolve.roles import normalise_title

    a = make_doc("a", "HALDEN (AP) - The mayor spoke. The Free Radio (FR) said so.")
    ann = annotate(a, ("HALDEN", "GPE"), ("AP", "ORG"), ("Free Radio", "ORG"), ("FR", "ORG"))
    pairs = [(x.text, y.text) for x, y in find_aliases(a.text, ann.mentions)]
    assert pairs == [("Free Radio", "FR")]
    assert normalise_title("Sen.") == ("senator", None) and normalise_title("Gov.") == ("governor", None)
