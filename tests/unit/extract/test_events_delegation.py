"""A person who leads a country's delegation takes part for it; an actor who stays away does not.

Parser tests on synthetic sentences (made-up names), merge tests on hand-built events.
"""

from __future__ import annotations

import dataclasses

import pytest
from test_events_merge import _ann, _doc, _event
from test_events_support import make_doc, with_events

from dossier.extract.events import merge_events
from dossier.model import Event, Evidence


def _events(nlp, text: str, published: str):
    return list(with_events(make_doc(text, published), nlp).events)


@pytest.mark.parametrize("text", [
    "Foreign Minister Karl Brenner will lead Austria's delegation to the meeting in Geneva on Wednesday.",
    "Karl Brenner, who led the Austrian delegation, met officials in Geneva on Wednesday.",
])
def test_delegation_leader_takes_part_for_his_country(nlp, text):
    (ev,) = [e for e in _events(nlp, text, "2019-11-01") if e.kind in ("meeting", "talks")]
    assert "Karl Brenner" in ev.participants and "Austria" in ev.participants
    assert [e.text for e in ev.evidence if e.rule == "actor:for"] == ["Karl Brenner for Austria"]
    assert "Brenner – Austria" not in ev.summary and "Geneva" in ev.summary  # named by the sentence


def test_a_plain_subject_acts_for_nobody(nlp):
    (ev,) = _events(nlp, "Karl Brenner will meet Lena Vogt in Geneva on Wednesday.", "2019-11-01")
    assert not any(e.rule == "actor:for" for e in ev.evidence)
    assert set(ev.participants) == {"Karl Brenner", "Lena Vogt"}


@pytest.mark.parametrize("verb", ["did not turn up for", "skipped", "stayed away from"])
def test_an_actor_who_stays_away_is_no_participant(nlp, verb):
    text = f"Austria on Friday signed the accord, but Norway {verb} the final round of talks in Geneva."
    talks = [e for e in _events(nlp, text, "2020-02-28") if e.kind == "talks"]
    assert talks and all("Norway" not in e.participants for e in talks)


def test_attending_actor_is_a_participant(nlp):
    text = "Norway turned up for the final round of talks in Geneva on Friday."
    (ev,) = [e for e in _events(nlp, text, "2020-02-28") if e.kind == "talks"]
    assert ev.participants == ("Norway",)


def _acting(ev: Event, person: str, country: str) -> Event:
    return dataclasses.replace(ev, participants=(person, country),
                               evidence=ev.evidence + (Evidence(rule="actor:for", text=f"{person} for {country}"),))


def test_minister_leading_a_delegation_joins_the_held_talks_of_countries():
    a, b = _doc("a", "2019-11-01"), _doc("b", "2020-02-28")
    planned = _acting(_event("a", 10, "meeting", (), None, "2019-11-06", "planned"), "Karl Brenner", "Austria")
    held = _event("b", 50, "talks", ("Austria", "Norway", "Chile"), "Geneva", "2019-11-06", "happened")
    (ev,) = merge_events([a, b], [_ann("a", planned), _ann("b", held)])
    assert ev.status == "happened"
    assert {s.doc_id for s in ev.mentions} == {"a", "b"}
    assert "Karl Brenner" in ev.participants
    assert ev.summary == "Austria – Norway – Chile talks in Geneva"  # the delegate is not a fourth party


def test_delegate_of_another_country_or_another_day_stays_apart():
    a, b = _doc("a", "2019-11-01"), _doc("b", "2020-02-28")
    held = _event("b", 50, "talks", ("Austria", "Norway", "Chile"), "Geneva", "2019-11-06", "happened")
    other = _acting(_event("a", 10, "meeting", (), None, "2019-11-06", "planned"), "Karl Brenner", "Peru")
    later = _acting(_event("a", 90, "meeting", (), None, "2019-11-13", "planned"), "Karl Brenner", "Austria")
    merged = merge_events([a, b], [_ann("a", other, later), _ann("b", held)])
    assert len(merged) == 3


def test_without_the_rule_a_person_and_three_countries_do_not_merge():
    a, b = _doc("a", "2019-11-01"), _doc("b", "2020-02-28")
    planned = _event("a", 10, "meeting", ("Karl Brenner", "Austria"), None, "2019-11-06", "planned")
    held = _event("b", 50, "talks", ("Austria", "Norway", "Chile"), "Geneva", "2019-11-06", "happened")
    assert len(merge_events([a, b], [_ann("a", planned), _ann("b", held)])) == 2


def _lead(ev: Event) -> Event:
    return dataclasses.replace(ev, evidence=ev.evidence + (Evidence(rule="scope:lead"),))


def test_lead_report_naming_no_actor_joins_the_event_of_its_month_and_place():
    a, b = _doc("a", "2020-07-22"), _doc("b", "2020-02-28")
    collapsed = _event("a", 10, "talks", ("Austria",), "Geneva", "2020-02", "happened")
    final_round = _lead(_event("b", 50, "talks", (), "Geneva", "2020-02", "happened", soft=True))
    (ev,) = merge_events([a, b], [_ann("a", collapsed), _ann("b", final_round)])
    assert {s.doc_id for s in ev.mentions} == {"a", "b"}


@pytest.mark.parametrize("place,month,lead", [("Vienna", "2020-02", True), ("Geneva", "2020-01", True),
                                              ("Geneva", "2020-02", False)])
def test_page_dated_report_without_actors_needs_lead_same_place_and_month(place, month, lead):
    a, b = _doc("a", "2020-07-22"), _doc("b", f"{month}-28")
    collapsed = _event("a", 10, "talks", ("Austria",), "Geneva", "2020-02", "happened")
    other = _event("b", 50, "talks", (), place, month, "happened", soft=True)
    assert len(merge_events([a, b], [_ann("a", collapsed), _ann("b", _lead(other) if lead else other)])) == 2
