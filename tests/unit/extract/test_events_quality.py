"""The precision rules of find_events and the entity-aware merge (issue 5: a timeline an analyst reads)."""

from __future__ import annotations

import dataclasses

from test_events_support import make_doc, with_events

from dossier.extract.events import find_dateline, merge_events, timeline
from dossier.extract.events_actors import actor_aliases
from dossier.model import Annotations, Event, Mention, Span

LEAD = ("Officials from several countries gathered in the capital this week to discuss the river, "
        "the water it carries and the dam being built upstream of the border.\n\n")


def _events(nlp, text: str, published: str | None):
    doc = make_doc(text, published)
    return doc, list(with_events(doc, nlp).events)


def _rules(ev: Event) -> set[str]:
    return {e.rule for e in ev.evidence}


def test_dateline_with_agency_and_date_is_not_an_actor(nlp):
    text = "WASHINGTON, Feb. 28 (Meridian) - Egypt on Friday initialled a draft agreement with Sudan."
    (start, end), city = find_dateline(text)
    assert (start, city) == (0, "Washington") and text[end:].startswith("Egypt")
    _, evs = _events(nlp, text, "2020-02-28")
    assert evs and all("WASHINGTON" not in e.summary and "WASHINGTON" not in e.participants for e in evs)


def test_ministers_of_countries_are_the_participants(nlp):
    _, evs = _events(nlp, "The foreign ministers of Egypt, Ethiopia and Sudan met in Washington on Nov. 6.", "2019-11-20")
    ev = next(e for e in evs if e.kind == "meeting")
    assert set(ev.participants) == {"Egypt", "Ethiopia", "Sudan"}
    assert (ev.place, ev.date) == ("Washington", "2019-11-06")


def test_page_dated_mention_outside_the_lead_only_supports(nlp):
    text = LEAD + "Later, Egypt said that Sudan had attended the talks."
    _, evs = _events(nlp, text, "2020-02-28")
    ev = next(e for e in evs if e.kind == "talks")
    assert "scope:support" in _rules(ev) and ev.confidence <= 0.3
    doc = make_doc(text, "2020-02-28")
    assert merge_events([doc], [dataclasses.replace(with_events(doc, nlp))]) == []  # never starts an event


def test_goal_agreement_is_no_event(nlp):
    _, evs = _events(nlp, "Egypt on Monday said it wanted a legally binding agreement with Ethiopia.", "2020-07-22")
    assert not [e for e in evs if e.kind == "agreement"]


def test_old_year_is_background_and_one_event_across_pages(nlp):
    a = make_doc("A 1959 agreement between Egypt and Sudan gives Egypt most of the flow.", "2013-06-03", doc_id="a")
    b = make_doc("Egypt holds, under a 1959 agreement with Sudan, a share of the river.", "2020-02-28", doc_id="b")
    anns = [with_events(a, nlp), with_events(b, nlp)]
    local = [e for ann in anns for e in ann.events if e.date == "1959"]
    assert len(local) == 2 and all("scope:background" in _rules(e) for e in local)
    merged = [e for e in merge_events([a, b], anns) if e.date == "1959"]
    assert len(merged) == 1 and {s.doc_id for s in merged[0].mentions} == {"a", "b"}


def test_named_document_joins_across_pages(nlp):
    a = make_doc("KHARTOUM - The leaders of Egypt, Ethiopia and Sudan signed a declaration of principles in "
                 "Khartoum on Monday.", "2015-03-23", doc_id="a")
    b = make_doc(LEAD + "Egypt said the move broke the 2015 Declaration of Principles.", "2022-02-20", doc_id="b")
    anns = [with_events(a, nlp), with_events(b, nlp)]
    merged = [e for e in merge_events([a, b], anns) if e.kind == "declaration"]
    assert len(merged) == 1
    assert merged[0].date == "2015-03-23" and {s.doc_id for s in merged[0].mentions} == {"a", "b"}


def test_timeline_hides_weak_events_unless_asked():
    strong = Event("e1", "meeting", "A – B meeting", (Span("d", 0, 1),), ("A", "B"), date="2020-01-02", confidence=0.8)
    weak = Event("e2", "talks", "A talks", (Span("d", 2, 3),), ("A",), date="2020-01", confidence=0.3)
    assert timeline([weak, strong]) == [strong]
    assert timeline([weak, strong], min_confidence=0.0) == [weak, strong]


def _m(doc: str, start: int, text: str, label: str) -> Mention:
    return Mention(Span(doc, start, start + len(text)), text, label, canonical=text)


def test_actor_aliases_fold_country_and_government_and_pick_the_short_name():
    mentions = (_m("d", 0, "Egypt", "GPE"), _m("d", 10, "Egypt", "GPE"), _m("d", 20, "Abiy Ahmed", "PERSON"),
                _m("d", 40, "Abiy Ahmed Ali", "PERSON"), _m("d", 60, "Abiy", "ORG"), _m("d", 70, "Abiy", "ORG"))
    ids = {0: "country", 10: "gov", 20: "p1", 40: "p2", 60: "x", 70: "x"}
    rep, short = actor_aliases([Annotations("d", mentions=mentions)], lambda m: ids[m.span.start])
    assert rep["gov"] == rep["country"]
    assert rep["p1"] == rep["p2"]  # "Abiy Ahmed" starts "Abiy Ahmed Ali"
    assert short[rep["p1"]] == "Abiy"  # the part the page uses alone, whatever its label


def test_meeting_and_its_agreement_same_day_merge_across_kinds(nlp):
    a = make_doc("Egyptian President Abdel Fattah el-Sisi and Ethiopian Prime Minister Abiy Ahmed agreed in Cairo "
                 "on Thursday to finalise a deal.", "2023-07-13", doc_id="a")
    b = make_doc("Abiy Ahmed and Abdel Fattah el-Sisi met on Thursday.", "2023-07-15", doc_id="b")
    anns = [with_events(a, nlp), with_events(b, nlp)]
    merged = [e for e in merge_events([a, b], anns) if e.date == "2023-07-13"]
    assert len(merged) == 1 and merged[0].kind == "meeting" and merged[0].place == "Cairo"
