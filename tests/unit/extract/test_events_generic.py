"""Events of every kind from the parse (events_generic / events_kinds): kinds, headline names,
reporting frames, negation, consequences and the dateline day for breaking news."""

from __future__ import annotations

from test_events_support import make_doc, with_events


def _events(nlp, text: str, published: str | None = "2013-05-08"):
    return list(with_events(make_doc(text, published), nlp).events)


def _kinds(evs) -> list[str]:
    return [e.kind for e in evs]


def test_acquisition_is_named_by_subject_verb_object(nlp):
    evs = _events(nlp, "Acme Corp agreed on Monday to buy Widgetco for $2 billion, the companies said.")
    assert _kinds(evs) == ["deal"], [(e.kind, e.summary) for e in evs]  # no separate "agreement"
    ev = evs[0]
    assert ev.summary == "Acme Corp buys Widgetco"
    assert set(ev.participants) == {"Acme Corp", "Widgetco"}
    assert (ev.date, ev.precision) == ("2013-05-06", "day")


def test_arrest_in_the_lead_takes_the_dateline_day(nlp):
    evs = _events(nlp, "Police arrested a man in Oakland in connection with the shooting of two officers at a traffic stop.", "2009-03-23")
    ev = next(e for e in evs if e.kind == "arrest")
    assert ev.summary.startswith("Police arrest man")
    assert (ev.date, ev.precision, ev.place) == ("2009-03-23", "day", "Oakland")
    assert any(x.rule == "date:dateline" for x in ev.evidence)


def test_offence_of_a_verdict_is_no_event_of_its_own(nlp):
    evs = _events(nlp, "The jury convicted John Smith of murder last year.", "2012-04-12")
    assert _kinds(evs) == ["verdict"], [(e.kind, e.summary) for e in evs]
    assert evs[0].date == "2011" and evs[0].precision == "year"


def test_toll_of_a_disaster_is_part_of_it(nlp):
    evs = _events(nlp, "A powerful earthquake struck Indonesia on Tuesday, killing at least 12 people.",
                  "2013-07-04")
    assert _kinds(evs) == ["disaster"], [(e.kind, e.summary) for e in evs]
    assert evs[0].date == "2013-07-02"


def test_negated_predicate_is_denied(nlp):
    evs = _events(nlp, "Acme did not acquire Widgetco in 2012, the filing shows.", "2013-05-08")
    ev = next(e for e in evs if e.kind == "deal")
    assert ev.status == "denied"


def test_survey_quoted_as_a_source_is_no_poll_event(nlp):
    evs = _events(nlp, "Clinton leads Trump by five points, the Quinnipiac University Survey said.", "2016-09-10")
    assert "poll" not in _kinds(evs)


def test_bare_definite_noun_points_back_and_is_no_event(nlp):
    evs = _events(nlp, "The announcement came a day after the vote.", "2016-09-10")
    assert "announcement" not in _kinds(evs)


def test_fired_shots_is_no_dismissal_but_fired_the_coach_is(nlp):
    shots = _events(nlp, "Gunmen fired shots at the building.", "2010-11-09")
    assert "dismissal" not in _kinds(shots)
    coach = _events(nlp, "The Dallas Cowboys fired coach Wade Phillips on Monday.", "2010-11-09")
    assert "dismissal" in _kinds(coach)


def test_undated_event_outside_the_lead_takes_no_page_month(nlp):
    text = ("Officials gave no details on the talks at length in the capital on any day this season so far.\n\n"
            "The council met again.\n\nSeparately, a court convicted Jane Doe of fraud.")
    evs = _events(nlp, text, "2016-09-10")
    verdicts = [e for e in evs if e.kind == "verdict"]
    assert verdicts and all(e.date is None for e in verdicts), [(e.summary, e.date) for e in verdicts]


def test_checking_into_a_place_of_care_is_a_health_event(nlp):
    evs = _events(nlp, "Jane Smith checked into a rehab clinic in Malibu on Tuesday, her publicist said.", "2008-12-12")
    ev = next(e for e in evs if e.kind == "health")
    assert "Smith" in ev.summary and ev.date == "2008-12-09", (ev.summary, ev.date)
    admitted = _events(nlp, "The senator was admitted to hospital on Friday after a fall.", "2008-12-14")
    assert "health" in _kinds(admitted)


def test_checking_or_entering_something_else_is_no_health_event(nlp):
    for text in ("The auditors checked the accounts on Monday.", "John Smith entered the race for governor in May.",
                 "He admitted the mistake on Friday."):
        assert "health" not in _kinds(_events(nlp, text, "2008-12-12")), text


def test_clinching_a_title_is_a_result(nlp):
    evs = _events(nlp, "The Colts clinched a playoff spot with a 20-13 win over the Chiefs on Sunday.", "2012-12-24")
    assert "result" in _kinds(evs), [(e.kind, e.summary) for e in evs]


def test_source_and_loser_named_in_a_preposition_are_participants(nlp):
    evs = _events(nlp, "Armed robbers stole diamonds from the Paris boutique of jeweler Harry Winston on Thursday.",
                  "2008-12-06")
    heist = next(e for e in evs if e.kind == "robbery")
    assert "Harry Winston" in heist.participants, heist.participants
    assert "Paris" not in heist.participants
    evs = _events(nlp, "The Indianapolis Colts clinched a playoff spot with a win over the Kansas City Chiefs.",
                  "2012-12-24")
    assert any("Kansas City Chiefs" in e.participants for e in evs), [(e.kind, e.participants) for e in evs]


def test_an_ordinal_round_of_a_contest_is_no_round_of_talks(nlp):
    evs = _events(nlp, "The champion stopped the challenger in the sixth round on Saturday night in Berlin.", "2012-07-08")
    assert "talks" not in _kinds(evs), [(e.kind, e.summary) for e in evs]
    talks = _events(nlp, "The two ministers held the sixth round of talks in Vienna on Monday.", "2012-07-10")
    assert "talks" in _kinds(talks)
