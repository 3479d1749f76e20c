"""Roles with whom or what they are of, past roles, and the term a page states (issue 13, Deliver 6)."""

from __future__ import annotations

import dataclasses

from dossier.model import Span, TimeExpr
from dossier.resolve import resolve_entities, who
from dossier.resolve.roles import TitleReading, read_title, read_titles, roles_from, split_stack, stated_term

from .helpers import annotate, make_doc


def test_a_title_names_whom_or_what_it_is_of():
    assert read_title("Ohio Governor") == TitleReading("governor", "Ohio")
    assert read_title("New Jersey Gov.") == TitleReading("governor", "New Jersey")  # a capitalised filler starts a name
    assert read_title("DNC chairwoman") == TitleReading("chairwoman", "DNC")  # an initialism
    assert read_title("Acme's chief executive") == TitleReading("chief executive", "Acme")  # a possessor
    assert read_title("Zorvia Foundation president") == TitleReading("president", "Zorvia Foundation")
    assert read_title("Chairman of the House Rules Committee") == TitleReading("chairman", "House Rules Committee")
    assert read_title("president of the advocacy group Zorvia United") == TitleReading("president", "Zorvia United")
    # a campaign is the candidate's: both spellings give one role
    assert read_title("Roe campaign manager") == read_title("Manager of the Roe campaign") == TitleReading("campaign manager", "Roe")
    # qualifiers that are no one's name stay in the title
    assert read_title("Republican presidential nominee") == TitleReading("republican presidential nominee", None)
    assert read_title("super PAC spokeswoman") == TitleReading("super pac spokeswoman", None)


def test_a_portfolio_after_of_names_the_role():
    assert read_title("Secretary of State") == TitleReading("secretary of state", None)
    assert read_title("Minister of Foreign Affairs") == TitleReading("minister of foreign affairs", None)
    assert read_title("President of Russia") == TitleReading("president", "Russia")


def test_former_and_then_make_a_past_role():
    assert read_title("former Prime Minister") == TitleReading("prime minister", None, past=True)
    assert read_title("then-Secretary of State") == TitleReading("secretary of state", None, past=True)
    assert read_title("Former Ohio Gov.") == TitleReading("governor", "Ohio", past=True)


def test_past_when_former_is_written_as_often_as_the_bare_title_since():
    s = [Span(d, 0, 5) for d in "abcde"]
    was = roles_from([("former President", "2016-02", s[0]), ("President", "2016-03", s[1]),
                      ("former President", "2016-04", s[2])])
    assert [(r.title, r.past, r.first_seen, r.last_seen) for r in was] == [("president", True, "2016-03", "2016-03")]
    back = roles_from([("former Premier", "2011-01", s[0]), ("Premier", "2013-01", s[1]), ("Premier", "2014-01", s[2])])
    assert [r.past for r in back] == [False]  # back in office


def test_an_of_inside_a_fuller_one_is_the_same_role():
    s = [Span(d, 0, 5) for d in "ab"]
    roles = roles_from([("Roe campaign manager", "2016-02", s[0]), ("Ann Roe's campaign manager", "2016-03", s[1])])
    assert [(r.title, r.of, r.first_seen, r.last_seen) for r in roles] == [("campaign manager", "Ann Roe", "2016-02", "2016-03")]


def _times(text: str, *values: tuple[str, str]) -> list[tuple[int, str]]:
    return [(text.index(word), value) for word, value in values]


def test_the_term_a_page_states_after_a_titled_name():
    t = "Ann Lee, chairman of the Zorvia Party since 2014, spoke. Bo Chan, who moved here in 2014, spoke."
    times = _times(t, ("2014", "2014"))
    assert stated_term("Chairman", t.index(","), t, times) == ("2014", None)
    t2 = "Cy Dee, who has been mayor until March, left. Di Eve, governor from 2009 to 2013, spoke."
    times2 = _times(t2, ("March", "2016-03"), ("2009", "2009"), ("2013", "2013"))
    assert stated_term("Mayor", t2.index(","), t2, times2) == (None, "2016-03")
    assert stated_term("Governor", t2.index("Eve") + 3, t2, times2) == ("2009", "2013")
    # another event's date is no term of the title
    t3 = "Bo Chan, who moved here since 2014, spoke."
    assert stated_term("Mayor", t3.index(","), t3, _times(t3, ("2014", "2014"))) == (None, None)
    assert stated_term(None, 3, t, times) == (None, None)


def test_resolution_keeps_the_stated_term_and_the_past_role():
    text = "Ann Lee, chairman of the Zorvia Party since 2014, spoke. Former Mayor Bo Chan left."
    a = make_doc("a", text, "2016-07-25")
    ann = annotate(a, ("Ann Lee", "PERSON", None, "Chairman of the Zorvia Party"), ("Bo Chan", "PERSON", None, "Mayor"))
    start = text.index("2014")
    ann = dataclasses.replace(ann, times=(TimeExpr(Span("a", start, start + 4), "2014", "2014"),))
    res = resolve_entities([a], [ann])
    (lee,) = who(res, "Ann Lee")[0].roles
    assert (lee.title, lee.of, lee.start, lee.end, lee.first_seen, lee.past) == ("chairman", "Zorvia Party", "2014", None, "2016-07-25", False)
    (chan,) = who(res, "Bo Chan")[0].roles
    assert (chan.title, chan.past, chan.first_seen) == ("mayor", True, None)


def test_a_titled_surname_goes_to_the_namesake_who_held_that_title_before():
    a = make_doc("a", "Former Secretary of State Ann Roe spoke in Paris.", "2016-09-01")
    b = make_doc("b", "President Bob Roe spoke in Rome.", "2016-09-10")
    c = make_doc("c", "Emails sent by then-Secretary Roe were read.", "2016-09-10")
    res = resolve_entities([a, b, c], [annotate(a, ("Ann Roe", "PERSON", None, "Secretary of State")),
                                       annotate(b, ("Bob Roe", "PERSON", None, "President")),
                                       annotate(c, ("Roe", "PERSON", None, "Secretary"))])
    ann = who(res, "Ann Roe")[0]
    assert ann.mentions == 2 and not any(r.title.startswith("secretary") for r in who(res, "Bob Roe")[0].roles)


def test_a_page_giving_a_past_title_to_a_surname_its_full_name_never_held_decides_across_pages():
    a = make_doc("a", "Former Secretary of State Ann Roe spoke in Paris.", "2016-09-01")
    c = make_doc("c", "President Bob Roe spoke. Emails sent by then-Secretary Roe were read.", "2016-09-10")
    res = resolve_entities([a, c], [annotate(a, ("Ann Roe", "PERSON", None, "Secretary of State")),
                                    annotate(c, ("Bob Roe", "PERSON", None, "President"), ("Roe", "PERSON", "Bob Roe", "Secretary"))])
    assert who(res, "Ann Roe")[0].mentions == 2


def test_an_office_held_by_two_people_at_once_is_past_for_the_one_ever_called_former():
    # the sitting president on four pages; a past president called 'President' on three, 'former' on one
    sitting = [make_doc(f"s{i}", "President Tom Alder spoke.", f"2016-03-0{i + 1}") for i in range(4)]
    past = [make_doc(f"p{i}", "For years, President Walt Brenner was a friend.", f"2016-03-0{i + 2}") for i in range(3)]
    gone = make_doc("g", "Former President Walt Brenner spoke.", "2016-03-01")
    docs = [*sitting, *past, gone]
    anns = [annotate(d, ("Tom Alder", "PERSON", None, "President")) for d in sitting]
    anns += [annotate(d, ("Walt Brenner", "PERSON", None, "President")) for d in past]
    anns.append(annotate(gone, ("Walt Brenner", "PERSON", None, "Former President")))
    res = resolve_entities(docs, anns)
    alder = next(e for e in res.entities if e.name == "Tom Alder")
    brenner = next(e for e in res.entities if e.name == "Walt Brenner")
    assert [(r.title, r.past) for r in alder.roles] == [("president", False)]
    assert [(r.title, r.past) for r in brenner.roles] == [("president", True)]
    # two presidents never called former (of two countries the pages leave unsaid) both stay current
    res = resolve_entities(docs[:7], anns[:7])
    assert all(not r.past for e in res.entities for r in e.roles)


def test_a_title_of_address_is_the_office_it_begins():
    # 'Secretary <Name>' is the 'Secretary of State' the person was; her successor holds it now
    obs = [("Secretary of State", "2016-01-02", Span("a", 0, 5)), ("former Secretary of State", "2016-01-03", Span("b", 0, 5)),
           ("Secretary", "2016-01-04", Span("c", 0, 5)), ("Secretary", "2016-01-05", Span("d", 0, 5))]
    assert [r.title for r in roles_from(obs)] == ["secretary of state"]
    # two longer titles beginning with the word: which one is not told
    obs.append(("Secretary of Defense", "2016-01-06", Span("e", 0, 5)))
    assert sorted(r.title for r in roles_from(obs)) == ["secretary", "secretary of defense", "secretary of state"]


def test_a_year_in_a_title_before_the_pages_year_makes_it_past():
    # '2012 Republican nominee <Name>' on a 2016 page: the role was held then, not now
    assert read_title("2012 Republican Nominee") == TitleReading("republican nominee", None, False, "2012")
    obs = [("2012 Republican Nominee", "2016-09-04", Span("a", 0, 5)), ("2016 Republican Nominee", "2016-09-05", Span("b", 0, 5))]
    (held,) = roles_from(obs[1:])
    assert not held.past
    (role,) = roles_from(obs[:1])
    assert role.past and role.title == "republican nominee"


def test_stacked_titles_are_read_one_by_one() -> None:
    """A candidacy and a seat written before one name are two roles, each with its own 'former'."""
    assert split_stack("Republican Presidential Candidate Sen.") == ["Republican Presidential Candidate", "Sen."]
    assert read_titles("Former Democratic Presidential Candidate Sen.") == [
        TitleReading("democratic presidential candidate", None, past=True), TitleReading("senator", None)]
    assert read_titles("Candidate Ohio Senator") == [TitleReading("candidate", None), TitleReading("senator", "Ohio")]
    assert read_titles("Democratic Candidate Former Secretary of State") == [
        TitleReading("democratic candidate", None), TitleReading("secretary of state", None, past=True)]
    assert split_stack("Democratic Presidential Candidate Senator") == ["Democratic Presidential Candidate", "Senator"]
    assert split_stack("Republican Presidential Hopeful Sen.") == ["Republican Presidential Hopeful", "Sen."]
    assert read_titles("Presidential Candidate Vice President") == [
        TitleReading("presidential candidate", None), TitleReading("vice president", None)]
    for whole in ("Attorney General", "Lt. Gov.", "Lieutenant Gov.", "Chief Executive", "Director General",
                  "Chairman of the House Rules Committee", "Secretary of State", "Ohio Gov."):
        assert split_stack(whole) == [whole]


def test_a_relation_to_another_person_is_no_post() -> None:
    """'fellow', '<Name> rival' say how one person stands to another; the title after them stays."""
    assert read_titles("Fellow Candidate Ohio Senator") == [TitleReading("candidate", None), TitleReading("senator", "Ohio")]
    assert read_titles("Roe rival Sen.") == [TitleReading("senator", None)]
    assert read_titles("Former rival Ohio Gov.") == [TitleReading("governor", "Ohio")]  # 'former' was of the rivalry
    assert read_titles("Senior Fellow") == [TitleReading("senior fellow", None)]  # last, 'fellow' is the post


def test_a_stack_gives_each_role_its_evidence() -> None:
    s = [Span("d1", i, i + 3) for i in (0, 10)]
    roles = roles_from([("Presidential Candidate Sen.", "2016-02", s[0]), ("Sen.", "2016-03", s[1])])
    assert {(r.title, len(r.evidence)) for r in roles} == {("presidential candidate", 1), ("senator", 2)}


def test_a_premodifier_naming_a_person_or_organisation_is_whom_the_post_is_of() -> None:
    names = frozenset({"roe", "zorvia news", "kelvo house", "interior department", "kelvo", "treasury", "senate"})
    assert read_title("Roe adviser", names) == TitleReading("adviser", "Roe")
    assert read_title("former Roe spokesman", names) == TitleReading("spokesman", "Roe", past=True)
    assert read_title("Zorvia News host", names) == TitleReading("host", "Zorvia News")
    assert read_title("Kelvo House press secretary", names) == TitleReading("press secretary", "Kelvo House")
    assert read_title("Interior Department spokeswoman", names) == TitleReading("spokeswoman", "Interior Department")
    assert read_title("senior Roe adviser", names) == TitleReading("senior adviser", "Roe")
    # without the corpus's names a capitalised word may be an adjective: the title stays whole
    assert read_title("Zorvia News host") == TitleReading("zorvia news host", None)


def test_affiliations_portfolios_chambers_and_headline_words_are_of_no_one() -> None:
    names = frozenset({"republican", "treasury", "senate", "kelvo", "roe", "longtime"})
    assert read_title("Republican senator", names) == TitleReading("republican senator", None)  # a party
    assert read_title("Muslim cleric", names | {"muslim"}) == TitleReading("muslim cleric", None)  # a faith
    assert read_title("Treasury Secretary", names) == TitleReading("treasury secretary", None)  # a portfolio
    assert read_title("Senate candidate", names) == TitleReading("senate candidate", None)  # the seat sought
    assert read_title("Roe rival", names) == TitleReading("roe rival", None)  # a relation, no post
    # after another capitalised word a name may end a longer one or follow a headline's adjective
    assert read_title("Kelvo Law School professor", names | {"school"}).of is None  # type: ignore[union-attr]
    # a name continued by a capitalised word is read whole ('<Name> Foundation')
    assert read_title("Roe Foundation president", names) == TitleReading("president", "Roe Foundation")


def test_title_names_keep_a_phrase_of_title_words_only_when_written_as_a_name() -> None:
    from dossier.resolve.clusters import _written_as_names
    pages = ["The Blue House said.", "a Blue House aide", "the blue house paint", "on national security",
             "National Security Adviser", "a national security expert"]
    assert _written_as_names({"blue house", "national security"}, pages) == {"blue house"}


def test_resolution_reads_a_named_premodifier_as_whom_a_post_is_of() -> None:
    text = ("Zorvia News host Ann Lee asked Bo Roe about taxes. Zorvia News is based in Kelvo. "
            "Later Zorvia News aired the talk. Roe said Bo Roe would win.")
    a = make_doc("a", text, "2016-07-25")
    ann = annotate(a, ("Ann Lee", "PERSON", None, "Zorvia News host"), ("Zorvia News", "ORG"), ("Bo Roe", "PERSON"))
    res = resolve_entities([a], [ann])
    (lee,) = who(res, "Ann Lee")[0].roles
    assert (lee.title, lee.of) == ("host", "Zorvia News")


def test_a_party_between_a_place_and_a_post_leaves_the_post_of_the_place():
    from dossier.resolve.roles import read_title

    assert read_title("Kentucky Republican Senator") == read_title("Kentucky Senator")
    assert read_title("Kentucky Republican Senator").of == "Kentucky"
    assert read_title("Republican Senator").of is None


def test_an_of_inside_a_name_before_the_title_is_no_of_of_the_role():
    """'<Hall> of <Fame> player': no role word before 'of', so the 'of' is the name's and the role is
    the words the title ends with."""
    assert read_title("NBA Hall of Fame Player") == TitleReading("player", None)
    assert read_title("Chairman of the House Ways Committee") == TitleReading("chairman", "House Ways Committee")


def test_capitalised_title_words_before_a_possessive_or_each_other_are_a_name_not_a_post():
    """"State Department's climate envoy" is the envoy of the State Department (not a 'state' envoy
    of 'Department'); 'White' before 'House' is no surname the post is of."""
    assert read_title("State Department's climate Envoy") == TitleReading("climate envoy", "State Department")
    assert read_title("White House drug policy Director", {"white"}).of is None
    assert read_title("Acme's chief Executive") == TitleReading("chief executive", "Acme")
