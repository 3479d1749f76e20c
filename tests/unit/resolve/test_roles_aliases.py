"""Naming statements against active 'called', and roles read from the text before a name."""

from __future__ import annotations

from dossier.resolve import resolve_entities, who
from dossier.resolve.aliases import find_aliases

from .helpers import annotate, make_doc


def test_a_subject_calling_someone_something_is_not_a_naming_statement():
    a = make_doc("a", "Ames called Brill a liar. The island, also called Norra, is small.")
    ann = annotate(a, ("Ames", "PERSON"), ("Brill", "PERSON"), ("The island", "LOC"), ("Norra", "LOC"))
    pairs = {(x.text, y.text) for x, y in find_aliases(a.text, ann.mentions)}
    assert ("Ames", "Brill") not in pairs
    assert ("The island", "Norra") in pairs


def test_a_subject_set_off_or_followed_by_an_adverb_calls_and_does_not_name():
    text = ("Ames also called Norvik voters fools. Ames, hoping to win in Tarn, called Brill a \"child\". "
            "Dee Holt, director of the Vell Union, called the Norvik speech a moment. The isle, also called Orra, is small.")
    a = make_doc("a", text)
    ann = annotate(a, ("Ames", "PERSON"), ("Norvik", "GPE"), ("Tarn", "GPE"), ("Brill", "PERSON"), ("Dee Holt", "PERSON"),
                   ("Vell Union", "ORG"), ("The isle", "LOC"), ("Orra", "LOC"))
    pairs = {(x.text, y.text) for x, y in find_aliases(a.text, ann.mentions)}
    assert pairs == {("The isle", "Orra")}, pairs


def test_two_rivals_stay_apart_when_one_calls_the_other_names():
    a = make_doc("a", "Tom Ralls called Ed Vance a liar.", "2016-02-12")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON"), ("Ed Vance", "PERSON"))])
    assert who(res, "Tom Ralls")[0].id != who(res, "Ed Vance")[0].id


def test_abbreviated_titles_before_a_name_are_roles_of_their_place_and_former_ones_are_past():
    a = make_doc("a", "Virginia Sen. Tom Ralls spoke. Former Ohio Gov. Ed Vance left.", "2016-07-25")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON"), ("Ed Vance", "PERSON"))])
    assert [(r.title, r.of, r.past) for r in who(res, "Tom Ralls")[0].roles] == [("senator", "Virginia", False)]
    (vance,) = who(res, "Ed Vance")[0].roles
    # a former office dates nothing: no page reports it held
    assert (vance.title, vance.of, vance.past, vance.first_seen, vance.last_seen) == ("governor", "Ohio", True, None, None)
    # a sentence's first word before the title is no part of it
    a = make_doc("a", "While Sen. Tom Ralls spoke, they left.", "2016-07-25")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON"))])
    assert [r.title for r in who(res, "Tom Ralls")[0].roles] == ["senator"]


def test_a_hypothetical_title_is_no_role():
    a = make_doc("a", "The prospects of a President Tom Ralls worry them. Tom Ralls smiled.", "2016-02-20")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON", None, "President"))])
    assert who(res, "Tom Ralls")[0].roles == ()


def test_a_would_be_or_potential_title_is_no_role():
    for before in ("Good news for a would-be", "They fear the possible", "Meet the potential"):
        a = make_doc("a", f"{before} President Tom Ralls, they said. Tom Ralls smiled.", "2016-02-20")
        res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON", None, "President"))])
        assert who(res, "Tom Ralls")[0].roles == (), before
    a = make_doc("a", "They met President Tom Ralls, they said.", "2016-02-20")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON", None, "President"))])
    assert who(res, "Tom Ralls")[0].roles != ()


def test_every_past_holder_word_before_a_title_makes_it_a_former_role_and_future_does_not():
    from dossier.model import Mention, Span
    from dossier.resolve.observe import current_title
    for word, expected in (("erstwhile", "former Mayor"), ("onetime", "former Mayor"), ("then-", "former Mayor"),
                           ("future", "Mayor"), ("the", "Mayor")):
        text = f"Reporters met the {word} Mayor Ann Lode."
        start = text.index("Ann")
        m = Mention(Span("a", start, start + 8), "Ann Lode", "PERSON", title="Mayor")
        assert current_title(m, text) == expected, word


def test_a_past_word_reaches_the_title_across_the_words_of_its_post_only():
    from dossier.model import Mention, Span
    from dossier.resolve.observe import current_title
    for before, title, expected in (("the former travel ", "Reporter", "former Reporter"),
                                    ("Ex-CIA ", "chief", "former chief"),
                                    ("in late November with ", "chief", "chief"),
                                    ("his former rival ", "Sen.", "Sen."),
                                    ("the former president's press ", "secretary", "secretary")):
        text = f"Reporters met {before}{title} Ann Lode."
        start = text.index("Ann")
        m = Mention(Span("a", start, start + 8), "Ann Lode", "PERSON", title=title)
        assert current_title(m, text) == expected, before
