"""find_events on synthetic sentences: kinds, participants, place, date, status; timeline."""

from __future__ import annotations

import pytest
from test_events_support import make_doc, with_events

from dossier.extract.events import event_summary, find_events, timeline
from dossier.model import Event, Span


def _events(nlp, text: str, published: str | None):
    doc = make_doc(text, published)
    return doc, list(with_events(doc, nlp).events)


def _one(events, kind_group=("meeting", "talks", "summit")):
    found = [e for e in events if e.kind in kind_group]
    assert len(found) == 1, [e.summary for e in events]
    return found[0]


def test_held_meeting_has_participants_place_and_day(nlp):
    _, evs = _events(nlp, "Foreign Minister Taro Kono met Russian Foreign Minister Sergei Lavrov in Munich on Feb. 16.",
                     "2019-02-18")
    ev = _one(evs)
    assert ev.kind == "meeting"
    assert set(ev.participants) == {"Taro Kono", "Sergei Lavrov"}
    assert ev.place == "Munich"
    assert (ev.date, ev.precision, ev.status) == ("2019-02-16", "day", "happened")
    assert ev.summary == "Taro Kono meets Sergei Lavrov in Munich"  # headline: who did what, where


def test_will_hold_talks_is_planned(nlp):
    _, evs = _events(nlp, "Vladimir Putin and Shinzo Abe will hold talks in Moscow on January 22.", "2019-01-10")
    ev = _one(evs)
    assert ev.kind == "talks"
    assert ev.status == "planned"
    assert ev.date == "2019-01-22"
    assert ev.place == "Moscow"
    assert {"Vladimir Putin", "Shinzo Abe"} <= set(ev.participants)


def test_is_to_meet_is_planned_and_one_event_per_trigger_chain(nlp):
    text = "Yohei Kono is to meet his Russian counterpart, Igor Ivanov, January 16 in Moscow, for talks on the treaty."
    _, evs = _events(nlp, text, "2001-01-10")
    ev = _one(evs)
    assert ev.status == "planned"
    assert set(ev.participants) == {"Yohei Kono", "Igor Ivanov"}
    assert ev.date == "2001-01-16"
    assert ev.place == "Moscow"


def test_talks_between_x_and_y_held_earlier(nlp):
    _, evs = _events(nlp, "Talks between Angela Merkel and Emmanuel Macron in Paris on March 3 ended without a deal.",
                     "2020-03-10")
    ev = _one(evs)
    assert set(ev.participants) == {"Angela Merkel", "Emmanuel Macron"}
    assert ev.status == "happened"  # the date is before the page date
    assert ev.date == "2020-03-03"


def test_may_visit_is_possible(nlp):
    _, evs = _events(nlp, "Prime Minister Justin Trudeau may visit India in the spring.", "2018-01-05")
    ev = _one(evs, ("visit",))
    assert ev.status == "possible"
    assert ev.place == "India"
    assert ev.participants == ("Justin Trudeau",)


def test_event_without_a_time_of_its_own_stays_undated_with_the_page_month_as_a_hint(nlp):
    _, evs = _events(nlp, "Emmanuel Macron met Angela Merkel in Berlin.", "2019-05-14")
    ev = _one(evs)
    assert (ev.date, ev.precision) == (None, "none")  # never the page's month as a guess
    hint = next(e for e in ev.evidence if e.rule == "date:document")
    assert hint.text == "2019-05"  # kept for merging reports, not shown as the date
    assert ev.status == "happened"


def test_meeting_demands_is_not_a_meeting(nlp):
    _, evs = _events(nlp, "Japan would struggle to meet domestic levels of spending.", "2019-05-14")
    assert not [e for e in evs if e.kind == "meeting"]


def test_protest_with_place_and_date(nlp):
    _, evs = _events(nlp, "Opposition parties protested on January 20 in Moscow against the plan.", "2019-01-21")
    ev = _one(evs, ("protest",))
    assert (ev.place, ev.date, ev.status) == ("Moscow", "2019-01-20", "happened")


def test_signed_treaty_takes_its_kind_from_the_object(nlp):
    _, evs = _events(nlp, "The two countries signed a treaty in Lisbon in 2007.", "2019-05-14")
    ev = _one(evs, ("treaty",))
    assert (ev.date, ev.place) == ("2007", "Lisbon")


def test_ids_are_stable_and_distinct(nlp):
    text = "Emmanuel Macron met Angela Merkel in Berlin. Angela Merkel will visit Rome next week."
    doc, first = _events(nlp, text, "2019-05-14")
    _, second = _events(nlp, text, "2019-05-14")
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first) == 2
    assert all(e.mentions[0].doc_id == doc.id for e in first)
    assert first[1].status == "planned"


def test_dateline_city_is_the_place_of_here_and_not_a_participant(nlp):
    text = "ROME -- Emmanuel Macron and Angela Merkel held a summit here on Tuesday."
    _, evs = _events(nlp, text, "2019-05-15")
    ev = _one(evs)
    assert ev.place == "Rome"
    assert set(ev.participants) == {"Emmanuel Macron", "Angela Merkel"}
    assert ev.date == "2019-05-14"


def test_summary_line():
    assert event_summary("talks", ["Yohei Kono", "Igor Ivanov"], "Moscow") == "Kono – Ivanov talks in Moscow"
    assert event_summary("visit", ["Vladimir Putin"], "Japan") == "Putin visit to Japan"
    assert event_summary("poll", [], None) == "Poll"


def _ev(i: str, date: str | None, who: tuple[str, ...] = ()) -> Event:
    return Event(id=i, kind="meeting", summary=i, mentions=(Span("d", 0, 1),), participants=who, date=date)


def test_timeline_sorts_undated_last_and_filters():
    evs = [_ev("c", None, ("A",)), _ev("b", "2019-02-16", ("A", "B")), _ev("a", "2019-01", ("B",)), _ev("d", "2018")]
    assert [e.id for e in timeline(evs)] == ["d", "a", "b", "c"]
    assert [e.id for e in timeline(evs, entity="A")] == ["b", "c"]
    assert [e.id for e in timeline(evs, start="2019-01", end="2019-01-31")] == ["a"]
    assert [e.id for e in timeline(evs, start="2019")] == ["a", "b"]


def test_find_events_without_sentences_finds_nothing(nlp):
    doc = make_doc("Emmanuel Macron met Angela Merkel in Berlin.", "2019-05-14")
    from test_events_support import annotate

    annots, sdoc = annotate(doc, nlp)
    import dataclasses

    assert find_events(doc, sdoc, dataclasses.replace(annots, sentences=())) == []


@pytest.mark.parametrize("text", ["", "No events here at all, only weather."])
def test_no_trigger_no_event(nlp, text):
    _, evs = _events(nlp, text or " ", "2019-05-14")
    assert evs == []


def test_present_tense_with_a_weekday_is_a_scheduled_meeting_on_the_coming_day(nlp):
    _, evs = _events(nlp, "Emmanuel Macron meets Angela Merkel in Berlin on Friday.", "2019-05-14")
    ev = _one(evs)
    assert (ev.date, ev.status) == ("2019-05-17", "planned")


def test_should_meet_is_possible_and_set_to_meet_is_planned(nlp):
    _, evs = _events(nlp, "Emmanuel Macron should meet Angela Merkel in Berlin.", "2019-05-14")
    assert _one(evs).status == "possible"
    _, evs = _events(nlp, "Emmanuel Macron is set to meet Angela Merkel in Berlin.", "2019-05-14")
    assert _one(evs).status == "planned"
