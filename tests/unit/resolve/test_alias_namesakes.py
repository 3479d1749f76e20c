"""A text-declared alias between two short forms does not merge two full-named namesakes."""

from __future__ import annotations

from dossier.resolve.core import _two_people


def test_two_full_named_namesakes_stay_two_people() -> None:
    assert _two_people("person:Jon Roe", "person:George W. Roe")  # '<Surname>, known as <Given>'
    assert not _two_people("person:Jon Roe", "person:Jon Roe")
    assert not _two_people("person:Jon Roe", "person:Jon A. Roe")  # one extends the other
    assert not _two_people("person:Jon Roe", "person:Roe")  # a bare surname is no full name
    assert not _two_people("person:Jon Roe", "org:Roe Group")  # only person clusters are guarded


def test_a_handle_is_no_part_of_a_name() -> None:
    from dossier.nlp.names import malformed

    assert malformed("Vexa @vexa_writes") and not malformed("Vexa Lund") and not malformed("@vexa_writes")


def test_ner_noise_in_a_full_name_does_not_draw_every_bare_word() -> None:
    """'<Platform> junkie' tagged a person (the page's '<Platform>' written with that name) does
    not take the bare '<Platform>' of other pages as its given name; a well-formed name does."""
    from dossier.model import Mention, Span
    from dossier.resolve.observe import Obs
    from dossier.resolve.persons import group_full_names, person_labels

    def obs(doc: str, name: str, surface: str) -> Obs:
        m = Mention(Span(doc, 0, len(surface)), surface, "PERSON")
        return Obs((doc, 0, len(surface)), m, name, surface, "person", "2020-01-02")

    for full, expected in (("Blipper junkie", "bare:"), ("Blipper Dune", "person:Blipper Dune")):
        seen = [obs("a", full, "Blipper"), obs("b", "Blipper", "Blipper")]
        labels = person_labels(group_full_names([full]), seen)
        assert labels[("b", 0, 7)].startswith(expected), (full, labels)


def test_a_regnal_name_is_not_a_given_name_used_alone() -> None:
    """'<Given> III' (a monarch of centuries ago) does not go to the one modern '<Given> W. <Surname>'."""
    from dossier.model import Mention, Span
    from dossier.resolve.observe import Obs
    from dossier.resolve.persons import group_full_names, person_labels

    def obs(doc: str, name: str) -> Obs:
        m = Mention(Span(doc, 0, len(name)), name, "PERSON")
        return Obs((doc, 0, len(name)), m, name, name, "person", "2020-01-02")

    seen = [obs("a", "Aldo W. Roe"), obs("b", "Aldo III"), obs("c", "Aldo")]
    labels = person_labels(group_full_names(["Aldo W. Roe"]), seen)
    assert labels[("c", 0, 4)] == "person:Aldo W. Roe"  # a given name alone still finds its one bearer
    assert labels[("b", 0, 8)] != "person:Aldo W. Roe"


def test_an_initialism_in_parentheses_names_the_words_before_it_not_their_last_name() -> None:
    from dossier.resolve.aliases import find_aliases

    from .helpers import annotate, make_doc

    a = make_doc("a", "The group Friends of Clean Water in Oslo (FCWO) sued the city.")
    ann = annotate(a, ("Oslo", "GPE"), ("FCWO", "ORG"))
    assert find_aliases(a.text, ann.mentions) == []  # 'Oslo' is the last word of the name FCWO abbreviates
    b = make_doc("b", "The Friends of Clean Water (FCW) sued the city.")
    ann = annotate(b, ("Friends of Clean Water", "ORG"), ("FCW", "ORG"))
    assert [(x.text, y.text) for x, y in find_aliases(b.text, ann.mentions)] == [("Friends of Clean Water", "FCW")]


def test_a_body_noun_never_describes_one_person() -> None:
    from dossier.resolve.describe import can_describe

    for head in ("caucus", "campaign", "senate", "court", "ministry"):
        assert not can_describe(head, "person") and can_describe(head, "org"), head
    assert can_describe("senator", "person")


def test_a_place_in_parentheses_after_a_name_says_where_it_is_not_what_else_it_is_called() -> None:
    from dossier.resolve.aliases import find_aliases

    from .helpers import annotate, make_doc

    a = make_doc("a", "He was the fifth coach fired, after Dale Ormsby (Oklahoma City) and Vic Tanner (Portland).")
    ann = annotate(a, ("Dale Ormsby", "ORG"), ("Oklahoma City", "GPE"), ("Vic Tanner", "PERSON"), ("Portland", "GPE"))
    assert find_aliases(a.text, ann.mentions) == []
    b = make_doc("b", "The junta renamed Burma (Myanmar) in 1989.")
    ann = annotate(b, ("Burma", "GPE"), ("Myanmar", "GPE"))
    assert [(x.text, y.text) for x, y in find_aliases(b.text, ann.mentions)] == [("Burma", "Myanmar")]


def test_a_nickname_a_full_name_declares_names_its_person_alone():
    from dossier.nlp.names import declared_nickname
    from dossier.resolve import resolve_entities

    from .helpers import annotate, make_doc

    assert declared_nickname('Vincent "The Chin" Roe') == declared_nickname("Vincent 'Chin' Roe") == "Chin"
    assert declared_nickname("Vincent Roe") is None
    a = make_doc("a", 'Mob boss Vincent "The Chin" Roe died. Roe was 77.')
    b = make_doc("b", "The Chin was a boss. Chin walked in a bathrobe.")
    res = resolve_entities([a, b], [annotate(a, ('Vincent "The Chin" Roe', "PERSON"), ("Roe", "PERSON")),
                                    annotate(b, ("Chin", "PERSON"))])
    assert [sorted(e.docs) for e in res.entities if e.type == "person"] == [["a", "b"]]
