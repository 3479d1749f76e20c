"""A page's lead telling its news twice, an agreement reached at a summit, dates given relative to
another event, documents named by their year, and clauses that are no event (issue 5 Done-when).

Parser and merge cases on made-up sentences and names (the Kuril end to end is in
tests/golden/test_events_kuril.py).
"""

from __future__ import annotations

from test_events_support import make_doc, with_events

from dossier.extract.events import merge_events
from dossier.extract.events_dates import offset_date

LEAD = "Officials from both capitals spent the week preparing for a long and difficult round of trade talks.\n\n"


def _events(nlp, text, date="2020-05-20"):
    doc = make_doc(text, date, doc_id="a")
    return [e for e in with_events(doc, nlp).events]


def _rules(ev):
    return {e.rule for e in ev.evidence}


def test_agreement_reached_during_a_summit_is_the_summit(nlp):
    evs = _events(nlp, "PARIS -- Prime Minister Ana Silva and President Ben Ode agreed to "
                       "expand trade during their summit here Tuesday afternoon, officials said.")
    (ev,) = [e for e in evs if "scope:support" not in _rules(e)]
    assert ev.kind == "summit" and ev.place == "Paris"
    assert set(ev.participants) == {"Ana Silva", "Ben Ode"}
    assert "fold:agreed-at" in _rules(ev)


def test_agreement_with_other_actors_than_the_summit_stays_apart(nlp):
    evs = _events(nlp, "Ana Silva and Ben Ode agreed to expand trade during a summit between "
                       "Carla Mendes and Dario Fo in Lisbon on 12 May 2020.")
    assert not any("fold:agreed-at" in _rules(e) for e in evs)


def test_one_month_after_their_talks_dates_the_talks(nlp):
    evs = _events(nlp, LEAD + "Ana Silva and Ben Ode met for the third time, just one month after their "
                              "talks in Lisbon.")
    talks = next(e for e in evs if e.place == "Lisbon")
    assert (talks.date, talks.precision) == ("2020-04", "month")
    assert {"date:offset", "date:relative"} <= _rules(talks)


def test_offset_date_arithmetic():
    assert offset_date("2019-01", "-P1M") == ("2018-12", "month")
    assert offset_date("2019-01-22", "+P2W") == ("2019-02-05", "day")
    assert offset_date("2019-01", "+P10D") == ("2019-01", "month")
    assert offset_date("2019", "-P2Y") == ("2017", "year")
    assert offset_date("2019-01", "-PT3H") is None


def test_document_named_by_its_year_is_not_made_by_who_cites_it(nlp):
    evs = _events(nlp, "Ana Silva said Norland was ready to negotiate on the basis of the 1990 declaration.")
    old = [e for e in evs if e.date == "1990"]
    assert old and all(e.participants == () for e in old)


def test_clause_actors_do_not_sign_the_old_agreement_they_use(nlp):
    evs = _events(nlp, "When Silva and Ode met in Lisbon in March, they agreed to use the 1990 agreement "
                       "as a foundation for further talks.")
    old = [e for e in evs if e.date == "1990"]
    assert old and all(not e.participants for e in old)
    assert not any(e.date == "1990" and e.participants for e in evs)


def test_a_city_before_a_meeting_noun_is_its_place_not_a_participant(nlp):
    evs = _events(nlp, "When Ana Silva and Ben Ode followed up on their Lisbon meeting with talks in "
                       "April in Madrid, they agreed to cut tariffs.")
    assert not any("Lisbon" in e.participants for e in evs)
    madrid = [e for e in evs if e.place == "Madrid"]
    assert madrid and set(madrid[0].participants) >= {"Ana Silva", "Ben Ode"}


def test_a_call_to_sign_is_no_treaty(nlp):
    evs = _events(nlp, "On Monday, spokesman Dario Fo stated that Norland should sign a peace treaty with Sudland.")
    assert not any(e.kind in ("treaty", "agreement") for e in evs)


def test_declaring_that_is_a_statement_not_a_declaration(nlp):
    evs = _events(nlp, "In early May, Norland declared to Sudland that it was pulling out of the accord.")
    assert not any(e.kind == "declaration" for e in evs)


def test_a_date_in_a_relative_clause_on_another_noun_does_not_date_the_event(nlp):
    evs = _events(nlp, "Ana Silva and Ben Ode have agreed to sign a peace treaty during their tenure, which "
                       "will last until September 2025 for Silva.")
    assert not any((e.date or "").startswith("2025") for e in evs)


def test_same_page_lead_mentions_are_one_event_with_the_planned_report(nlp):
    planned = make_doc("Ana Silva and Ben Ode will hold talks in Paris on May 19, officials said.",
                       "2020-05-10", doc_id="p")
    held = make_doc("PARIS -- Prime Minister Ana Silva and President Ben Ode agreed to expand "
                    "trade during their summit here Tuesday afternoon, officials said.\n\n"
                    "Ana Silva and Ben Ode met for the third time, and their aides said the talks were warm.",
                    "2020-05", doc_id="h")
    anns = [with_events(planned, nlp), with_events(held, nlp)]
    merged = [e for e in merge_events([planned, held], anns) if {"Ana Silva", "Ben Ode"} <= set(e.participants)]
    assert len(merged) == 1, [(e.summary, e.date) for e in merged]
    ev = merged[0]
    assert (ev.date, ev.place, ev.status) == ("2020-05-19", "Paris", "happened")  # 2020-05-19 is a Tuesday
    assert {s.doc_id for s in ev.mentions} == {"p", "h"}
    assert len({s.start for s in ev.mentions if s.doc_id == "h"}) == 2


def test_lead_mentions_of_other_actors_do_not_join(nlp):
    planned = make_doc("Ana Silva and Ben Ode will hold talks in Paris on May 19, officials said.",
                       "2020-05-10", doc_id="p")
    held = make_doc("PARIS -- Prime Minister Ana Silva and President Ben Ode agreed to expand "
                    "trade during their summit here Tuesday afternoon, officials said.\n\n"
                    "Carla Mendes and Dario Fo met for the third time, and their aides said the talks were warm.",
                    "2020-05", doc_id="h")
    anns = [with_events(planned, nlp), with_events(held, nlp)]
    merged = merge_events([planned, held], anns)
    other = [e for e in merged if "Carla Mendes" in e.participants]
    assert other and all(s.doc_id == "h" for e in other for s in e.mentions)
    assert all("Ana Silva" not in e.participants for e in other)
